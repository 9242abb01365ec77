#!/usr/bin/env bash
# Wraps dist/HK Planner.app (built by `make package-bundle` on macOS) into dist/HK-Planner-VERSION.dmg.
# Signing and notarization run only when their identities are given, and are skipped otherwise:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)", in the login or a CI keychain
#   MACOS_NOTARY_PROFILE  a notarytool keychain profile (xcrun notarytool store-credentials NAME ...)
# Usage: packaging/macos/make_dmg.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: make_dmg.sh VERSION}"
app="dist/HK Planner.app"
dmg="dist/HK-Planner-${version}.dmg"
entitlements="packaging/macos/entitlements.plist"

[ -d "$app" ] || { echo "no $app: run make package-bundle first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	echo "Signing the app with the hardened runtime: $MACOS_SIGN_IDENTITY"
	codesign --force --deep --timestamp --options runtime --entitlements "$entitlements" \
		--sign "$MACOS_SIGN_IDENTITY" "$app"
	codesign --verify --deep --strict --verbose=2 "$app"
else
	echo "MACOS_SIGN_IDENTITY not set: the app is not signed (Gatekeeper will warn users)."
fi

rm -f "$dmg"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it to install
hdiutil create -volname "HK Planner ${version}" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
	echo "Notarizing (this waits for Apple's answer)"
	xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
	# The ticket stapled to the dmg and the app lets Gatekeeper check them offline.
	xcrun stapler staple "$dmg"
	xcrun stapler staple "$app"
	spctl --assess --type open --context context:primary-signature --verbose "$dmg"
else
	echo "MACOS_NOTARY_PROFILE (or the identity) not set: the dmg is not notarized."
fi
echo "$dmg: $(du -sh "$dmg" | cut -f1)"
