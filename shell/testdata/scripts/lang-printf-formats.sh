printf '[%s] [%5s] [%-5s]\n' abc abc abc
printf '[%d] [%5d] [%-5d] [%05d] [%+d]\n' 42 42 42 42 42
printf '[%i] [%u] [%o] [%x]\n' -3 7 64 3054
printf '[%c] [%%] [%b]\n' xyz 'tab\there'
printf '%s\n' "no args reuse"
printf '%s=%d\n' a 1 b 2 c
printf '%d\n' 0x10 010 -0
