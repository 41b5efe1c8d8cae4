if true; then
	cat <<-END
	first tab-indented
		two tabs
	  spaces stay
	END
fi
cat <<-'X' > stripped.txt
	$kept
	X
cat stripped.txt
