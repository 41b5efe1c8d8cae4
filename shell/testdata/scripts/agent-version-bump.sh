echo "VERSION=1.4.9" > version.env
IFS='=' read -r _ ver < version.env
IFS=. read -r major minor patch <<< "$ver"
patch=$((patch + 1))
(( patch > 9 )) && { patch=0; minor=$((minor + 1)); }
new="$major.$minor.$patch"
echo "VERSION=$new" > version.env
cat version.env
echo "bumped $ver -> $new"
