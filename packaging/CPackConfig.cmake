# Debian package of the console and its sandbox: `bash packaging/dev.sh package` (the `package`
# target, or `cpack` in a build folder) writes plexe-console_<version>-<revision>_<arch>.deb.
# packaging/CMakeLists.txt builds the man pages, icons, copyright and changelog it holds;
# tests/packaging/ checks the result (ctest -L packaging).
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "plexe-console")
set(CPACK_PACKAGE_VENDOR "Plexe Console developers")
# An address on the project's homepage domain: lintian rejects hosts that cannot receive mail
# (.local, .invalid). The same address signs packaging/debian/changelog.
set(CPACK_PACKAGE_CONTACT "Plexe Console developers <console@plexe.ai>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian shows the long description as is: lines under 80 columns (lintian).
set(CPACK_PACKAGE_DESCRIPTION
    "Plexe Console is a Qt desktop program for account owners of the Plexe
Platform. It signs in with email and password (with a code from an
authenticator app), in the web browser, or with an API key, keeps the
session in the desktop's keychain, and creates, edits, rotates and revokes
the account's API keys.

The package includes plexe-sandbox, a local stand-in for the Plexe Platform
API that plexe-console --sandbox starts, so that the console can be tried
with demo accounts, without an account of one's own and without a network.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# A release build's binaries carry debug information: strip them, as Debian packages do.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${PLEXE_DEBIAN_REVISION}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://plexe.ai")
# Libraries from dpkg-shlibdeps; plugins that Qt loads at run time are not linked, so they are
# named here: the SVG icon engine and image format (libqt6svg6) for the window's icons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Qt's own German texts (standard buttons, context menus) and a Secret Service for the sessions.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# Directories in the package are 0755 whatever the umask of the machine that builds it.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
