mkdir -p out/a/b/c out/a/d
mkdir out/e
mkdir -p out/a/b
echo "mkdir -p existing $?"
mkdir out/e 2>/dev/null; echo "mkdir existing $?"
mkdir missing/child 2>/dev/null; echo "mkdir no parent $?"
ls -R out
