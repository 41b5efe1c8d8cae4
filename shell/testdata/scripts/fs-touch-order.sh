touch -d '2020-01-01 00:00:00' old.txt
touch -d '2021-06-01 12:00:00' mid.txt
touch -d '2022-12-31 23:59:59' new.txt
ls -t old.txt mid.txt new.txt
ls -tr old.txt mid.txt new.txt
touch -r old.txt copy-time.txt
ls -t new.txt copy-time.txt
