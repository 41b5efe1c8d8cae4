echo docs/*
rm docs/guide.txt
touch docs/zeta.txt docs/alpha.txt
echo docs/*
mv docs/notes.txt docs/beta.txt
echo docs/*
mkdir docs/sub && touch docs/sub/in.txt
echo docs/*/*
