<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccountPane</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Consumption</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Diese Sitzung</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Signed in with</source>
        <translation>Angemeldet mit</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out and forget this profile</source>
        <translation>Abmelden und dieses Profil vergessen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sign out when idle &amp;for</source>
        <translation>Bei &amp;Inaktivität abmelden nach</translation>
    </message>
    <message>
        <source>Idle timeout in minutes</source>
        <translation>Inaktivitätszeit in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Clear copied &amp;keys after</source>
        <translation>Kopierte &amp;Schlüssel löschen nach</translation>
    </message>
    <message>
        <source>Clipboard clear delay in seconds</source>
        <translation>Verzögerung bis zum Leeren der Zwischenablage in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n seconds.</source>
        <translation>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n minutes (at %1).</source>
        <translation>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Minute erneut (um %1).</numerusform>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Minuten erneut (um %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the server. Check the network connection and the profile&apos;s address.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Adresse des Profils.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (TLS certificate problem). Nothing was sent.</source>
        <translation>Die Identität des Servers konnte nicht überprüft werden (Problem mit dem TLS-Zertifikat). Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was too large and was not read.</source>
        <translation>Die Antwort des Servers war zu groß und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The console refused this request.</source>
        <translation>Die Konsole hat diese Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The request was not accepted</source>
        <translation>Die Anfrage wurde nicht angenommen</translation>
    </message>
    <message>
        <source>The request was not accepted: %1</source>
        <translation>Die Anfrage wurde nicht angenommen: %1</translation>
    </message>
    <message>
        <source>This API key is not valid.</source>
        <translation>Dieser API-Schlüssel ist ungültig.</translation>
    </message>
    <message>
        <source>This API key expired on %1.</source>
        <translation>Dieser API-Schlüssel ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>This API key has expired.</source>
        <translation>Dieser API-Schlüssel ist abgelaufen.</translation>
    </message>
    <message>
        <source>This API key has expired (%1).</source>
        <translation>Dieser API-Schlüssel ist abgelaufen (%1).</translation>
    </message>
    <message>
        <source>This API key was revoked.</source>
        <translation>Dieser API-Schlüssel wurde widerrufen.</translation>
    </message>
    <message>
        <source>The email or password is not correct.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Geben Sie den Code aus Ihrer Authentifizierungs-App ein.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>For this action, please confirm it is you by signing in again.</source>
        <translation>Bitte bestätigen Sie für diese Aktion Ihre Identität, indem Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>This credential does not have permission to do this (a read-only key can only read).</source>
        <translation>Diese Zugangsdaten haben keine Berechtigung dafür (ein Nur-Lesen-Schlüssel kann nur lesen).</translation>
    </message>
    <message>
        <source>This server does not allow this action</source>
        <translation>Dieser Server erlaubt diese Aktion nicht</translation>
    </message>
    <message>
        <source>This server does not allow this action: %1</source>
        <translation>Dieser Server erlaubt diese Aktion nicht: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>This already exists</source>
        <translation>Das gibt es bereits</translation>
    </message>
    <message>
        <source>This already exists: %1</source>
        <translation>Das gibt es bereits: %1</translation>
    </message>
    <message>
        <source>The value of “%1” is not valid.</source>
        <translation>Der Wert von „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>The value of “%1” is not valid: %2</source>
        <translation>Der Wert von „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>A value is not valid</source>
        <translation>Ein Wert ist ungültig</translation>
    </message>
    <message>
        <source>A value is not valid: %1</source>
        <translation>Ein Wert ist ungültig: %1</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Please try again later.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten (HTTP %1). Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1</source>
        <translation>Der Server antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>Der Server antwortete mit HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>ApiKeysPane</name>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Create a new API key (Ctrl+N)</source>
        <translation>Neuen API-Schlüssel erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Search keys…</source>
        <translation>Schlüssel suchen…</translation>
    </message>
    <message>
        <source>Search keys</source>
        <translation>Schlüssel suchen</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>You are signed in with a read-only API key: you can see the keys, but creating, editing, rotating and revoking need a read &amp; write key or a password sign-in.</source>
        <translation>Sie sind mit einem Nur-Lesen-API-Schlüssel angemeldet: Sie können die Schlüssel sehen, aber zum Erstellen, Bearbeiten, Rotieren und Widerrufen brauchen Sie einen Schlüssel mit Lese- und Schreibrecht oder eine Anmeldung mit Passwort.</translation>
    </message>
    <message>
        <source>Loading keys</source>
        <translation>Schlüssel werden geladen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>View activity</source>
        <translation>Aktivität anzeigen</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected key (Delete)</source>
        <translation>Ausgewählten Schlüssel widerrufen (Entf)</translation>
    </message>
</context>
<context>
    <name>CallbackOutcome</name>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>This sign-in response does not belong to the current attempt.</source>
        <translation>Diese Anmeldeantwort gehört nicht zum aktuellen Anmeldeversuch.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled or denied in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen oder abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in server refused the request (%1).</source>
        <translation>Der Anmeldeserver hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The sign-in server refused the request (%1): %2</source>
        <translation>Der Anmeldeserver hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>The response came from an unexpected sign-in server.</source>
        <translation>Die Antwort kam von einem unerwarteten Anmeldeserver.</translation>
    </message>
    <message>
        <source>The sign-in response carried no authorization code.</source>
        <translation>Die Anmeldeantwort enthielt keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>This is not the address of a sign-in response.</source>
        <translation>Dies ist nicht die Adresse einer Anmeldeantwort.</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>Object: %1</source>
        <translation>Objekt: %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>The new key is shown once, right after it is created.</source>
        <translation>Der neue Schlüssel wird nur einmal angezeigt, direkt nach dem Erstellen.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>e.g. ci-deploy</source>
        <translation>z. B. ci-deploy</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>&amp;Read-only</source>
        <translation>Nur &amp;lesen</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Can only read: list models and keys, make GET requests.</source>
        <translation>Darf nur lesen: Modelle und Schlüssel auflisten, GET-Anfragen stellen.</translation>
    </message>
    <message>
        <source>Read &amp;&amp; &amp;write</source>
        <translation>Lesen &amp;&amp; &amp;schreiben</translation>
    </message>
    <message>
        <source>Read &amp; write</source>
        <translation>Lesen &amp; schreiben</translation>
    </message>
    <message>
        <source>Can also create, change and delete.</source>
        <translation>Darf außerdem erstellen, ändern und löschen.</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>Läuft &amp;ab</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 Tagen</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>In 365 Tagen</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>An einem Datum…</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>CredentialsStep</name>
    <message>
        <source>Sign in to Plexe</source>
        <translation>Bei Plexe anmelden</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Weiter mit Google</translation>
    </message>
    <message>
        <source>Continue with GitHub</source>
        <translation>Weiter mit GitHub</translation>
    </message>
    <message>
        <source>Continue in browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Use an API key instead</source>
        <translation>Stattdessen einen API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Use an API key</source>
        <translation>API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Local sandbox demo accounts</source>
        <translation>Demokonten der lokalen Sandbox</translation>
    </message>
</context>
<context>
    <name>DemoCredentialsFile</name>
    <message>
        <source>Cannot open the demo credentials file %1.</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The demo credentials file %1 is not a regular file.</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The demo credentials file %1 belongs to another user.</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 gehört einem anderen Benutzer.</translation>
    </message>
    <message>
        <source>The demo credentials file %1 may be read by other users (it must be mode 0600).</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 kann von anderen Benutzern gelesen werden (sie muss Modus 0600 haben).</translation>
    </message>
    <message>
        <source>Cannot read the demo credentials file %1.</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The demo credentials file %1 is too large.</source>
        <translation>Die Datei mit den Demo-Zugangsdaten %1 ist zu groß.</translation>
    </message>
    <message>
        <source>The demo credentials are too large.</source>
        <translation>Die Demo-Zugangsdaten sind zu groß.</translation>
    </message>
    <message>
        <source>The demo credentials are not valid UTF-8.</source>
        <translation>Die Demo-Zugangsdaten sind kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>Demo credentials, line %1: expected &apos;name: value&apos;.</source>
        <translation>Demo-Zugangsdaten, Zeile %1: „Name: Wert“ erwartet.</translation>
    </message>
    <message>
        <source>Demo credentials, line %1: the value of &apos;%2&apos; is malformed.</source>
        <translation>Demo-Zugangsdaten, Zeile %1: Der Wert von „%2“ ist fehlerhaft.</translation>
    </message>
    <message>
        <source>Demo credentials, line %1: &apos;%2&apos; appears twice.</source>
        <translation>Demo-Zugangsdaten, Zeile %1: „%2“ kommt doppelt vor.</translation>
    </message>
    <message>
        <source>Demo credentials: the %1 is incomplete.</source>
        <translation>Demo-Zugangsdaten: Das %1 ist unvollständig.</translation>
    </message>
    <message>
        <source>Demo credentials: the %1 has no valid email.</source>
        <translation>Demo-Zugangsdaten: Das %1 hat keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation>Demokonto</translation>
    </message>
    <message>
        <source>TOTP account</source>
        <translation>TOTP-Konto</translation>
    </message>
    <message>
        <source>OAuth-only account</source>
        <translation>Nur-OAuth-Konto</translation>
    </message>
    <message>
        <source>The demo credentials name no account.</source>
        <translation>Die Demo-Zugangsdaten nennen kein Konto.</translation>
    </message>
</context>
<context>
    <name>KeyNameRule</name>
    <message>
        <source>Enter a name for the key.</source>
        <translation>Geben Sie einen Namen für den Schlüssel ein.</translation>
    </message>
    <message>
        <source>The name is not valid text.</source>
        <translation>Der Name ist kein gültiger Text.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>Der Name ist %1 Zeichen lang; erlaubt sind höchstens %2.</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>Plexe Console: manage API keys, access logs and models of the Plexe Platform.</source>
        <translation>Plexe Console: API-Schlüssel, Zugriffsprotokolle und Modelle der Plexe Platform verwalten.</translation>
    </message>
    <message>
        <source>Open the profile &lt;name&gt;.</source>
        <translation>Das Profil &lt;name&gt; öffnen.</translation>
    </message>
    <message>
        <source>Start the bundled plexe-sandbox and open it.</source>
        <translation>Die mitgelieferte plexe-sandbox starten und öffnen.</translation>
    </message>
    <message>
        <source>Use &lt;url&gt; as the API base URL.</source>
        <translation>&lt;url&gt; als Basis-URL der API verwenden.</translation>
    </message>
    <message>
        <source>Trust the CA certificate in &lt;path&gt; for this profile only.</source>
        <translation>Dem CA-Zertifikat in &lt;path&gt; nur für dieses Profil vertrauen.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>--api-url: %1</source>
        <translation>--api-url: %1</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>Writing failed.</source>
        <translation>Die Datei konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>LogQuery</name>
    <message>
        <source>time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>event types</source>
        <translation>Ereignistypen</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>LogsFallbackView</name>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
</context>
<context>
    <name>ModelDetailsPanel</name>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy endpoint</source>
        <translation>Endpunkt kopieren</translation>
    </message>
    <message>
        <source>Copy the endpoint address</source>
        <translation>Adresse des Endpunkts kopieren</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Input schema</source>
        <translation>Eingabeschema</translation>
    </message>
    <message>
        <source>Output schema</source>
        <translation>Ausgabeschema</translation>
    </message>
    <message>
        <source>Sample call</source>
        <translation>Beispielaufruf</translation>
    </message>
    <message>
        <source>Copy sample call</source>
        <translation>Beispielaufruf kopieren</translation>
    </message>
    <message>
        <source>Copy the sample call shown (it holds no key: it reads $PLEXE_API_KEY)</source>
        <translation>Den angezeigten Beispielaufruf kopieren (er enthält keinen Schlüssel: er liest $PLEXE_API_KEY)</translation>
    </message>
    <message>
        <source>Sample call language</source>
        <translation>Sprache des Beispielaufrufs</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>Sample call with curl</source>
        <translation>Beispielaufruf mit curl</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Sample call with Python requests</source>
        <translation>Beispielaufruf mit Python (requests)</translation>
    </message>
</context>
<context>
    <name>ModelStatusText</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>In Erstellung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Deploying</source>
        <translation>Wird bereitgestellt</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Load the list again (F5)</source>
        <translation>Liste neu laden (F5)</translation>
    </message>
    <message>
        <source>Search models…</source>
        <translation>Modelle suchen…</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Search names and intents (Ctrl+F)</source>
        <translation>Namen und Zwecke durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>In Erstellung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Loading models</source>
        <translation>Modelle werden geladen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Laden abbrechen</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline — showing data as of %1. %2</source>
        <translation>Offline – Datenstand %1. %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>OidcConfiguration</name>
    <message>
        <source>The sign-in configuration is not a JSON object.</source>
        <translation>Die Anmeldekonfiguration ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The sign-in configuration names another issuer.</source>
        <translation>Die Anmeldekonfiguration nennt einen anderen Aussteller.</translation>
    </message>
    <message>
        <source>The server does not support PKCE S256 sign-in.</source>
        <translation>Der Server unterstützt keine Anmeldung mit PKCE S256.</translation>
    </message>
    <message>
        <source>The sign-in configuration lacks %1.</source>
        <translation>In der Anmeldekonfiguration fehlt %1.</translation>
    </message>
    <message>
        <source>The sign-in configuration has an insecure %1.</source>
        <translation>In der Anmeldekonfiguration ist %1 unsicher.</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>API &amp;URL</source>
        <translation>API-&amp;URL</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>OIDC &amp;issuer</source>
        <translation>OIDC-&amp;Aussteller</translation>
    </message>
    <message>
        <source>OIDC issuer</source>
        <translation>OIDC-Aussteller</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>OIDC &amp;client id</source>
        <translation>OIDC-&amp;Client-ID</translation>
    </message>
    <message>
        <source>OIDC client id</source>
        <translation>OIDC-Client-ID</translation>
    </message>
    <message>
        <source>Extra &amp;CA file</source>
        <translation>Zusätzliche CA-&amp;Datei</translation>
    </message>
    <message>
        <source>Extra CA file</source>
        <translation>Zusätzliche CA-Datei</translation>
    </message>
    <message>
        <source>optional, PEM</source>
        <translation>optional, PEM</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>CA-Datei auswählen</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>in a few seconds</source>
        <translation>in wenigen Sekunden</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n Std.</numerusform>
            <numerusform>in %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>in a year</source>
        <translation>in einem Jahr</translation>
    </message>
    <message>
        <source>a year ago</source>
        <translation>vor einem Jahr</translation>
    </message>
    <message numerus="yes">
        <source>in %n years</source>
        <translation>
            <numerusform>in %n Jahr</numerusform>
            <numerusform>in %n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::AccessLogsPane</name>
    <message>
        <source>Stop loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Loading events</source>
        <translation>Ereignisse werden geladen</translation>
    </message>
    <message>
        <source>New events arrived above; show them</source>
        <translation>Oben sind neue Ereignisse eingetroffen; zu ihnen springen</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>Neue Ereignisse</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Ortszeit (%1)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>Live-Verfolgung</translation>
    </message>
    <message>
        <source>Show new events as they happen</source>
        <translation>Neue Ereignisse anzeigen, sobald sie eintreten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Access Logs</source>
        <translation>Zugriffsprotokolle</translation>
    </message>
    <message>
        <source>Loading… %1 events</source>
        <translation>Wird geladen… %1 Ereignisse</translation>
    </message>
    <message>
        <source>The server asks us to slow down; loading goes on in %1.</source>
        <translation>Der Server bittet um eine Pause; das Laden geht in %1 weiter.</translation>
    </message>
    <message>
        <source>Live tail: %1 Trying again shortly.</source>
        <translation>Live-Verfolgung: %1 Neuer Versuch in Kürze.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Ereignisse werden geladen…</translation>
    </message>
    <message>
        <source>No events match these filters. Widen the time range or choose “Clear filters”.</source>
        <translation>Keine Ereignisse passen zu diesen Filtern. Vergrößern Sie den Zeitraum oder wählen Sie „Filter zurücksetzen“.</translation>
    </message>
    <message>
        <source>Stopped loading: %1 events loaded, older events are missing.</source>
        <translation>Laden abgebrochen: %1 Ereignisse geladen, ältere Ereignisse fehlen.</translation>
    </message>
    <message>
        <source>Load all</source>
        <translation>Alle laden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The access logs could not be loaded</source>
        <translation>Die Zugriffsprotokolle konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>: too many requests. You can try again in %1.</source>
        <translation>: zu viele Anfragen. Sie können es in %1 erneut versuchen.</translation>
    </message>
    <message>
        <source>: you can try again now.</source>
        <translation>: Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neue</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>Sign in to see your access logs.</source>
        <translation>Melden Sie sich an, um Ihre Zugriffsprotokolle zu sehen.</translation>
    </message>
    <message>
        <source>Filtered on the server: %1</source>
        <translation>Auf dem Server gefiltert: %1</translation>
    </message>
    <message>
        <source>here: %1</source>
        <translation>hier: %1</translation>
    </message>
    <message>
        <source>Filtered here: %1</source>
        <translation>Hier gefiltert: %1</translation>
    </message>
    <message>
        <source>No filters</source>
        <translation>Keine Filter</translation>
    </message>
    <message>
        <source>Checking for new events…</source>
        <translation>Suche nach neuen Ereignissen…</translation>
    </message>
    <message>
        <source>No events loaded: the access logs could not be loaded (see the message above).</source>
        <translation>Keine Ereignisse geladen: Die Zugriffsprotokolle konnten nicht geladen werden (siehe die Meldung oben).</translation>
    </message>
</context>
<context>
    <name>plexe::AccountPane</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-Mail und Passwort</translation>
    </message>
    <message>
        <source>Browser sign-in</source>
        <translation>Anmeldung im Browser</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>memory only (nothing is saved)</source>
        <translation>nur im Arbeitsspeicher (es wird nichts gespeichert)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) at the latest, or after %n minutes without input</source>
        <translation>
            <numerusform>spätestens %1 (%2) oder nach %n Minute ohne Eingabe</numerusform>
            <numerusform>spätestens %1 (%2) oder nach %n Minuten ohne Eingabe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Aktivitätsdiagramm</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2: %3 events, %4 failures</source>
        <translation>%1 – %2: %3 Ereignisse, %4 Fehlschläge</translation>
    </message>
    <message>
        <source>No events in this time range.</source>
        <translation>Keine Ereignisse in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1 events, %2 failures, in bars of %3.</source>
        <translation>%1 Ereignisse, %2 Fehlschläge, ein Balken je %3.</translation>
    </message>
    <message>
        <source>Busiest: %1 (%2 events).</source>
        <translation>Höchster Wert: %1 (%2 Ereignisse).</translation>
    </message>
    <message>
        <source>Chosen bar: %1.</source>
        <translation>Gewählter Balken: %1.</translation>
    </message>
    <message>
        <source>No events in this time range</source>
        <translation>Keine Ereignisse in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>plexe::ApiCall</name>
    <message>
        <source>The console does not put credentials in URLs.</source>
        <translation>Die Konsole setzt keine Zugangsdaten in URLs.</translation>
    </message>
    <message>
        <source>The answer exceeded %1 bytes.</source>
        <translation>Die Antwort war größer als %1 Byte.</translation>
    </message>
    <message>
        <source>The server redirected the request to another site; the console did not follow.</source>
        <translation>Der Server hat die Anfrage auf eine andere Website umgeleitet; die Konsole ist dem nicht gefolgt.</translation>
    </message>
    <message>
        <source>Unexpected content type “%1”.</source>
        <translation>Unerwarteter Inhaltstyp „%1“.</translation>
    </message>
</context>
<context>
    <name>plexe::ApiClient</name>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Die Serveradresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen enthalten.</translation>
    </message>
    <message>
        <source>Only https:// server addresses are supported.</source>
        <translation>Es werden nur https://-Serveradressen unterstützt.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this computer (loopback); use https://.</source>
        <translation>Unverschlüsseltes http:// ist nur für diesen Computer (Loopback) erlaubt; verwenden Sie https://.</translation>
    </message>
    <message>
        <source>The profile&apos;s CA certificate file could not be read.</source>
        <translation>Die CA-Zertifikatsdatei des Profils konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>plexe::ApiKeySignIn</name>
    <message>
        <source>This is not a Plexe API key (they start with “plx_sk_”).</source>
        <translation>Dies ist kein Plexe-API-Schlüssel (diese beginnen mit „plx_sk_“).</translation>
    </message>
    <message>
        <source>The API key check timed out.</source>
        <translation>Die Prüfung des API-Schlüssels hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Sign-in timed out: the server did not answer in time. Please try again.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>plexe::ApiKeyStep</name>
    <message>
        <source>Sign in with key</source>
        <translation>Mit Schlüssel anmelden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Sign in with an API key</source>
        <translation>Mit einem API-Schlüssel anmelden</translation>
    </message>
    <message>
        <source>Paste a key that starts with plx_sk_. The console checks it with the server and keeps it in your keychain like a session.</source>
        <translation>Fügen Sie einen Schlüssel ein, der mit plx_sk_ beginnt. Die Konsole prüft ihn beim Server und bewahrt ihn wie eine Sitzung in Ihrem Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Sign in with API key</source>
        <translation>Mit API-Schlüssel anmelden</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide API key</source>
        <translation>API-Schlüssel verbergen</translation>
    </message>
</context>
<context>
    <name>plexe::ApiKeyTableModel</name>
    <message>
        <source>Revoked %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Read &amp; write</source>
        <translation>Lesen &amp; schreiben</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
</context>
<context>
    <name>plexe::ApiKeysPane</name>
    <message>
        <source>Select all keys</source>
        <translation>Alle Schlüssel auswählen</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Loading keys… %1 of %2</source>
        <translation>Schlüssel werden geladen… %1 von %2</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The server asks us to slow down; trying again in %1.</source>
        <translation>Der Server bittet um eine Pause; neuer Versuch in %1.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped loading: %n key(s) shown, the list is incomplete.</source>
        <translation>
            <numerusform>Laden abgebrochen: %n Schlüssel angezeigt, die Liste ist unvollständig.</numerusform>
            <numerusform>Laden abgebrochen: %n Schlüssel angezeigt, die Liste ist unvollständig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load all</source>
        <translation>Alle laden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The API keys could not be loaded</source>
        <translation>Die API-Schlüssel konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Sign in to see your API keys.</source>
        <translation>Melden Sie sich an, um Ihre API-Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>You have no API keys yet. Choose “Create key” (Ctrl+N) to make one for your scripts and services.</source>
        <translation>Sie haben noch keine API-Schlüssel. Wählen Sie „Schlüssel erstellen“ (Strg+N), um einen für Ihre Skripte und Dienste anzulegen.</translation>
    </message>
    <message>
        <source>1 key</source>
        <translation>1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 of %2 keys</source>
        <translation>%1 von %2 Schlüsseln</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>not reported by the server</source>
        <translation>vom Server nicht gemeldet</translation>
    </message>
    <message>
        <source>24 h: %1 · 7 d: %2 · 30 d: %3</source>
        <translation>24 Std.: %1 · 7 Tage: %2 · 30 Tage: %3</translation>
    </message>
    <message>
        <source>Revoke API key?</source>
        <translation>API-Schlüssel widerrufen?</translation>
    </message>
    <message>
        <source>Anything that uses this key stops working at once. Revoking cannot be undone.</source>
        <translation>Alles, was diesen Schlüssel verwendet, funktioniert sofort nicht mehr. Das Widerrufen kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>the signed-in account</source>
        <translation>das angemeldete Konto</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>“%1” was not revoked</source>
        <translation>„%1“ wurde nicht widerrufen</translation>
    </message>
    <message>
        <source>Revoked “%1”.</source>
        <translation>„%1“ widerrufen.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>The key was not changed</source>
        <translation>Der Schlüssel wurde nicht geändert</translation>
    </message>
    <message>
        <source>%1: too many requests. You can try again in %2.</source>
        <translation>%1: zu viele Anfragen. Sie können es in %2 erneut versuchen.</translation>
    </message>
    <message>
        <source>%1: you can try again now.</source>
        <translation>%1: Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>Show this key&apos;s events in Access Logs</source>
        <translation>Die Ereignisse dieses Schlüssels in den Zugriffsprotokollen anzeigen</translation>
    </message>
    <message>
        <source>This is the key you are signed in with: revoking it signs you out of this profile. Anything else that uses it stops working at once. Revoking cannot be undone.</source>
        <translation>Mit diesem Schlüssel sind Sie angemeldet: Wenn Sie ihn widerrufen, werden Sie von diesem Profil abgemeldet. Alles andere, was ihn verwendet, funktioniert sofort nicht mehr. Der Widerruf kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>plexe::BrowserSignIn</name>
    <message>
        <source>The browser sign-in timed out.</source>
        <translation>Zeitüberschreitung bei der Anmeldung im Browser.</translation>
    </message>
    <message>
        <source>The browser sign-in timed out. Please try again.</source>
        <translation>Zeitüberschreitung bei der Anmeldung im Browser. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This server&apos;s sign-in configuration is not usable: %1</source>
        <translation>Die Anmeldekonfiguration dieses Servers ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>This server does not offer browser sign-in.</source>
        <translation>Dieser Server bietet keine Anmeldung im Browser an.</translation>
    </message>
    <message>
        <source>The sign-in could not be completed (the authorization expired or was already used). Please try again.</source>
        <translation>Die Anmeldung konnte nicht abgeschlossen werden (die Autorisierung ist abgelaufen oder wurde bereits verwendet). Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in answer could not be used. Please try again.</source>
        <translation>Die Anmeldeantwort des Servers war nicht verwendbar. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>plexe::BrowserStep</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Browser did not open?</source>
        <translation>Browser hat sich nicht geöffnet?</translation>
    </message>
    <message>
        <source>Copy sign-in address</source>
        <translation>Anmeldeadresse kopieren</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Open this address in a browser yourself:</source>
        <translation>Öffnen Sie diese Adresse selbst in einem Browser:</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <source>If the browser ended on an address the console did not receive, paste that address here:</source>
        <translation>Wenn der Browser bei einer Adresse gelandet ist, die die Konsole nicht erhalten hat, fügen Sie diese Adresse hier ein:</translation>
    </message>
    <message>
        <source>Paste the address your browser ended on</source>
        <translation>Adresse einfügen, bei der Ihr Browser gelandet ist</translation>
    </message>
    <message>
        <source>Continue with the pasted address</source>
        <translation>Mit der eingefügten Adresse fortfahren</translation>
    </message>
    <message>
        <source>Preparing the browser sign-in…</source>
        <translation>Anmeldung im Browser wird vorbereitet…</translation>
    </message>
    <message>
        <source>The browser could not be opened</source>
        <translation>Der Browser konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Finishing the sign-in…</source>
        <translation>Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Waiting for your browser… %1</source>
        <translation>Warten auf Ihren Browser… %1</translation>
    </message>
</context>
<context>
    <name>plexe::CodeStep</name>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Bestätigung in zwei Schritten</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app for this account.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App für dieses Konto ein.</translation>
    </message>
    <message>
        <source>Authentication code</source>
        <translation>Authentifizierungscode</translation>
    </message>
    <message>
        <source>Authentication &amp;code</source>
        <translation>Authentifizierungs&amp;code</translation>
    </message>
    <message>
        <source>Verify code</source>
        <translation>Code bestätigen</translation>
    </message>
</context>
<context>
    <name>plexe::Console</name>
    <message>
        <source>--sandbox: plexe-sandbox was not found next to plexe-console.</source>
        <translation>--sandbox: plexe-sandbox wurde neben plexe-console nicht gefunden.</translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
</context>
<context>
    <name>plexe::CreateKeyDialog</name>
    <message>
        <source>The key is created for %1 (profile “%2”). It is shown once, right after it is created.</source>
        <translation>Der Schlüssel wird für %1 erstellt (Profil „%2“). Er wird nur einmal angezeigt, direkt nach dem Erstellen.</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The key was not created.</source>
        <translation>Der Schlüssel wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>Too many keys were created recently. You can create another in %1.</source>
        <translation>In letzter Zeit wurden zu viele Schlüssel erstellt. Sie können in %1 einen weiteren erstellen.</translation>
    </message>
    <message>
        <source>You can create a key again now.</source>
        <translation>Sie können jetzt wieder einen Schlüssel erstellen.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>plexe::CredentialsStep</name>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>%1 · signs in with Google or GitHub</source>
        <translation>%1 · meldet sich mit Google oder GitHub an</translation>
    </message>
    <message>
        <source>%1
password %2</source>
        <translation>%1
Passwort %2</translation>
    </message>
    <message>
        <source>Authenticator secret: %1</source>
        <translation>Authenticator-Geheimnis: %1</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>Eintragen</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>%1 eintragen</translation>
    </message>
    <message>
        <source>Use its API key</source>
        <translation>Seinen API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Use the API key of %1</source>
        <translation>Den API-Schlüssel von %1 verwenden</translation>
    </message>
</context>
<context>
    <name>plexe::EditKeyDialog</name>
    <message>
        <source>Edit API key</source>
        <translation>API-Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Beibehalten: %1</translation>
    </message>
    <message>
        <source>Keep: never</source>
        <translation>Beibehalten: nie</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 Tagen</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>In 365 Tagen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>Läuft &amp;ab</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>plexe::IdleWarning</name>
    <message>
        <source>You will be signed out in %1 because of inactivity.</source>
        <translation>Sie werden in %1 wegen Inaktivität abgemeldet.</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Signing out for inactivity waits until the window with the new key is closed.</source>
        <translation>Die Abmeldung wegen Inaktivität wartet, bis das Fenster mit dem neuen Schlüssel geschlossen ist.</translation>
    </message>
</context>
<context>
    <name>plexe::JournalTableModel</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>plexe::KeyActions</name>
    <message>
        <source>Revoke now</source>
        <translation>Jetzt widerrufen</translation>
    </message>
</context>
<context>
    <name>plexe::KeyRotation</name>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>You were signed out; the rotation stopped. The old key %1 still works.</source>
        <translation>Sie wurden abgemeldet; die Rotation wurde beendet. Der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>You were signed out; the rotation stopped. %1</source>
        <translation>Sie wurden abgemeldet; die Rotation wurde beendet. %1</translation>
    </message>
    <message>
        <source>A rotation is under way.</source>
        <translation>Eine Rotation läuft bereits.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The key has no id.</source>
        <translation>Der Schlüssel hat keine ID.</translation>
    </message>
    <message>
        <source>Only an active key can be rotated.</source>
        <translation>Nur ein aktiver Schlüssel kann rotiert werden.</translation>
    </message>
    <message>
        <source>The key&apos;s permission is not known, so a replacement cannot match it.</source>
        <translation>Die Berechtigung des Schlüssels ist unbekannt, daher kann ein Ersatz nicht dieselbe bekommen.</translation>
    </message>
    <message>
        <source>Nothing was created; the old key %1 still works.</source>
        <translation>Es wurde nichts erstellt; der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The replacement could not be created: %1 The old key %2 still works.</source>
        <translation>Der Ersatz konnte nicht erstellt werden: %1 Der alte Schlüssel %2 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The answer held no key.</source>
        <translation>Die Antwort enthielt keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no key. The old key %1 still works; look for a new key in the list and revoke it.</source>
        <translation>Die Antwort des Servers enthielt keinen Schlüssel. Der alte Schlüssel %1 funktioniert weiterhin; suchen Sie in der Liste nach einem neuen Schlüssel und widerrufen Sie ihn.</translation>
    </message>
    <message>
        <source>The new key %1 did not work: %2 The old key %3 was not revoked and still works; revoke the new key from the list.</source>
        <translation>Der neue Schlüssel %1 hat nicht funktioniert: %2 Der alte Schlüssel %3 wurde nicht widerrufen und funktioniert weiterhin; widerrufen Sie den neuen Schlüssel in der Liste.</translation>
    </message>
    <message>
        <source>The keychain did not take the new key.</source>
        <translation>Der Schlüsselbund hat den neuen Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <source>The console could not store the new key in the keychain, so it keeps using the old key. %1</source>
        <translation>Die Konsole konnte den neuen Schlüssel nicht im Schlüsselbund speichern und verwendet daher weiter den alten Schlüssel. %1</translation>
    </message>
    <message>
        <source>The old key %1 is revoked. Use the new key %2 from now on.</source>
        <translation>Der alte Schlüssel %1 ist widerrufen. Verwenden Sie ab jetzt den neuen Schlüssel %2.</translation>
    </message>
    <message>
        <source>Nothing was revoked; the old key %1 still works.</source>
        <translation>Es wurde nichts widerrufen; der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>The old key %1 was not revoked: %2 Both keys work; try again, schedule the revocation or cancel.</source>
        <translation>Der alte Schlüssel %1 wurde nicht widerrufen: %2 Beide Schlüssel funktionieren; versuchen Sie es erneut, planen Sie den Widerruf oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>The new key is not verified yet.</source>
        <translation>Der neue Schlüssel ist noch nicht überprüft.</translation>
    </message>
    <message>
        <source>Scheduled revocations are not available here.</source>
        <translation>Geplante Widerrufe sind hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>The old key %1 will be revoked on %2 while the console runs (or at its next start). Until then both keys work.</source>
        <translation>Der alte Schlüssel %1 wird am %2 widerrufen, während die Konsole läuft (oder bei ihrem nächsten Start). Bis dahin funktionieren beide Schlüssel.</translation>
    </message>
    <message>
        <source>Cancelled. The new key may have been created before the cancel reached the server: look for it in the list. The old key %1 still works.</source>
        <translation>Abgebrochen. Der neue Schlüssel wurde möglicherweise erstellt, bevor der Abbruch beim Server ankam: Suchen Sie ihn in der Liste. Der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was created. The old key %1 still works.</source>
        <translation>Abgebrochen; es wurde nichts erstellt. Der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Abgebrochen. %1</translation>
    </message>
    <message>
        <source>The old key %1 was not revoked and still works. The new key %2 (%3) exists and works too; revoke it from the list if you do not need it.</source>
        <translation>Der alte Schlüssel %1 wurde nicht widerrufen und funktioniert weiterhin. Der neue Schlüssel %2 (%3) existiert und funktioniert ebenfalls; widerrufen Sie ihn in der Liste, wenn Sie ihn nicht brauchen.</translation>
    </message>
    <message>
        <source>Cancelled. %1 The console now signs in with the new key.</source>
        <translation>Abgebrochen. %1 Die Konsole meldet sich jetzt mit dem neuen Schlüssel an.</translation>
    </message>
</context>
<context>
    <name>plexe::LogExportControl</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save the events shown, with the filter and time zone</source>
        <translation>Die angezeigten Ereignisse speichern, mit Filter und Zeitzone</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>%1 Ereignisse nach %2 exportiert.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export access logs</source>
        <translation>Zugriffsprotokolle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
</context>
<context>
    <name>plexe::LogFilterBar</name>
    <message>
        <source>Search logs</source>
        <translation>Protokolle durchsuchen</translation>
    </message>
    <message>
        <source>Search logs…</source>
        <translation>Protokolle durchsuchen…</translation>
    </message>
    <message>
        <source>Matches the event, actor, key, IP address, user agent, request and error code</source>
        <translation>Durchsucht Ereignis, Akteur, Schlüssel, IP-Adresse, User-Agent, Anfrage und Fehlercode</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Ereignistypen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Key id or plx_sk_…</source>
        <translation>Schlüssel-ID oder plx_sk_…</translation>
    </message>
    <message>
        <source>A key id (key_…) or the start of a key as shown (plx_sk_9f3a)</source>
        <translation>Eine Schlüssel-ID (key_…) oder der Anfang eines Schlüssels, wie er angezeigt wird (plx_sk_9f3a)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>An exact address, or a prefix ending in * (203.0.113.*)</source>
        <translation>Eine genaue Adresse oder ein Präfix, das auf * endet (203.0.113.*)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n event type(s)</source>
        <translation>
            <numerusform>%n Ereignistyp</numerusform>
            <numerusform>%n Ereignistypen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every event type</source>
        <translation>Alle Ereignistypen</translation>
    </message>
</context>
<context>
    <name>plexe::LogLoader</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>plexe::LogTableModel</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Key id: %1</source>
        <translation>Schlüssel-ID: %1</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
</context>
<context>
    <name>plexe::LogTableView</name>
    <message>
        <source>Access log events</source>
        <translation>Ereignisse der Zugriffsprotokolle</translation>
    </message>
    <message>
        <source>Select all events</source>
        <translation>Alle Ereignisse auswählen</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Zeile kopieren</translation>
    </message>
</context>
<context>
    <name>plexe::LogsFallbackView</name>
    <message>
        <source>Clear journal</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>Schlüsselnutzung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Requests 24 h</source>
        <translation>Anfragen 24 Std.</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Requests this console made in this profile</source>
        <translation>Anfragen dieser Konsole in diesem Profil</translation>
    </message>
    <message>
        <source>Delete this profile&apos;s request journal from this computer</source>
        <translation>Den Anfrageverlauf dieses Profils von diesem Computer löschen</translation>
    </message>
    <message>
        <source>Request journal</source>
        <translation>Anfrageverlauf</translation>
    </message>
    <message>
        <source>The journal keeps no secrets: no keys, tokens or query values, only the parameter names. It stays on this computer.</source>
        <translation>Der Verlauf enthält keine Geheimnisse: keine Schlüssel, Tokens oder Abfragewerte, nur die Parameternamen. Er bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>This server does not offer access logs (it answered %1 to the access-log request). Below is what the console can show instead: when each key was last used and how often, and the requests this console made in this profile.</source>
        <translation>Dieser Server bietet keine Zugriffsprotokolle an (er hat die Anfrage nach den Zugriffsprotokollen mit %1 beantwortet). Unten sehen Sie, was die Konsole stattdessen anzeigen kann: wann und wie oft jeder Schlüssel zuletzt verwendet wurde, und die Anfragen, die diese Konsole in diesem Profil gestellt hat.</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>The keys could not be loaded: %1</source>
        <translation>Die Schlüssel konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>1 key</source>
        <translation>1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
</context>
<context>
    <name>plexe::LoopbackReceiver</name>
    <message>
        <source>The browser sign-in timed out.</source>
        <translation>Zeitüberschreitung bei der Anmeldung im Browser.</translation>
    </message>
    <message>
        <source>Could not open a local port for the browser sign-in.</source>
        <translation>Für die Anmeldung im Browser konnte kein lokaler Port geöffnet werden.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Zeitüberschreitung der Anfrage</translation>
    </message>
    <message>
        <source>The request was not completed in time.</source>
        <translation>Die Anfrage wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Unexpected Host header.</source>
        <translation>Unerwarteter Host-Header.</translation>
    </message>
    <message>
        <source>Sign-in finished</source>
        <translation>Anmeldung beendet</translation>
    </message>
    <message>
        <source>This sign-in attempt has already ended.</source>
        <translation>Dieser Anmeldeversuch ist bereits beendet.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>You are signed in. You can close this tab and return to Plexe Console.</source>
        <translation>Sie sind angemeldet. Sie können diesen Tab schließen und zu Plexe Console zurückkehren.</translation>
    </message>
    <message>
        <source>This response does not belong to the current sign-in.</source>
        <translation>Diese Antwort gehört nicht zur aktuellen Anmeldung.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>plexe::LostKeyNotices</name>
    <message>
        <source>You were signed out while the new key “%1” (%2) was shown and not yet copied. It was revoked, so nothing can use it; create another if you need one.</source>
        <translation>Sie wurden abgemeldet, während der neue Schlüssel „%1“ (%2) angezeigt und noch nicht kopiert war. Er wurde widerrufen, sodass ihn nichts mehr verwenden kann; erstellen Sie bei Bedarf einen neuen.</translation>
    </message>
    <message>
        <source>You were signed out while the new key “%1” (%2) was shown and not yet copied. It could not be revoked and may still work: revoke it in API Keys.</source>
        <translation>Sie wurden abgemeldet, während der neue Schlüssel „%1“ (%2) angezeigt und noch nicht kopiert war. Er konnte nicht widerrufen werden und funktioniert vielleicht noch: Widerrufen Sie ihn unter API-Schlüssel.</translation>
    </message>
</context>
<context>
    <name>plexe::MainWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation>Die lokale Sandbox ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The local sandbox stopped: %1</source>
        <translation>Die lokale Sandbox wurde beendet: %1</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Die lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>The local sandbox is not running. Start the console with “plexe-console --sandbox” to use it.</source>
        <translation>Die lokale Sandbox läuft nicht. Starten Sie die Konsole mit „plexe-console --sandbox“, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>This profile cannot be used: %1</source>
        <translation>Dieses Profil kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Your keychain is locked. Unlock it (for example in your desktop&apos;s passwords app), then choose Retry.</source>
        <translation>Ihr Schlüsselbund ist gesperrt. Entsperren Sie ihn (zum Beispiel in der Passwortverwaltung Ihres Desktops) und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Use this session only</source>
        <translation>Nur diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>The user chose this session only.</source>
        <translation>Der Benutzer hat „nur diese Sitzung“ gewählt.</translation>
    </message>
    <message>
        <source>Your session could not be saved to the keychain. It is kept in memory for this session only and ends when you quit.</source>
        <translation>Ihre Sitzung konnte nicht im Schlüsselbund gespeichert werden. Sie bleibt nur für diese Sitzung im Arbeitsspeicher und endet, wenn Sie die Konsole beenden.</translation>
    </message>
    <message>
        <source>Signed out, but the saved session could not be removed from the keychain: %1</source>
        <translation>Abgemeldet, aber die gespeicherte Sitzung konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Ihr Konto wird geladen…</translation>
    </message>
    <message>
        <source>The saved API key was refused: %1 Sign in again.</source>
        <translation>Der gespeicherte API-Schlüssel wurde abgelehnt: %1 Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your account could not be loaded: %1</source>
        <translation>Ihr Konto konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No keychain is available, so your session cannot be saved. You can sign in for this session only: nothing will be stored, and you sign in again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann Ihre Sitzung nicht gespeichert werden. Sie können sich nur für diese Sitzung anmelden: Es wird nichts gespeichert, und beim nächsten Mal melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign in for this session only</source>
        <translation>Nur für diese Sitzung anmelden</translation>
    </message>
    <message>
        <source>No keychain.</source>
        <translation>Kein Schlüsselbund.</translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minutes of inactivity.</source>
        <translation>
            <numerusform>Nach %n Minute Inaktivität abgemeldet.</numerusform>
            <numerusform>Nach %n Minuten Inaktivität abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out: a session lasts at most 12 hours. Please sign in again.</source>
        <translation>Abgemeldet: Eine Sitzung dauert höchstens 12 Stunden. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session was ended by the server. Please sign in again.</source>
        <translation>Ihre Sitzung wurde vom Server beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Plexe Console — Sign in</source>
        <translation>Plexe Console – Anmelden</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>Plexe Console — %1 (%2)</source>
        <translation>Plexe Console – %1 (%2)</translation>
    </message>
    <message>
        <source>memory only</source>
        <translation>nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Sign out and forget this profile?</source>
        <translation>Abmelden und dieses Profil vergessen?</translation>
    </message>
    <message>
        <source>You will be signed out, and everything the console keeps for this profile is deleted from this computer.</source>
        <translation>Sie werden abgemeldet, und alles, was die Konsole für dieses Profil aufbewahrt, wird von diesem Computer gelöscht.</translation>
    </message>
    <message>
        <source>Sign out and forget</source>
        <translation>Abmelden und vergessen</translation>
    </message>
    <message>
        <source>Signed out; the console no longer keeps anything for the profile “%1”.</source>
        <translation>Abgemeldet; die Konsole bewahrt nichts mehr für das Profil „%1“ auf.</translation>
    </message>
    <message>
        <source>The server no longer accepts the API key you signed in with: it was revoked, has expired or was deleted. Sign in with another key.</source>
        <translation>Der Server akzeptiert den API-Schlüssel, mit dem Sie angemeldet waren, nicht mehr: Er wurde widerrufen, ist abgelaufen oder wurde gelöscht. Melden Sie sich mit einem anderen Schlüssel an.</translation>
    </message>
</context>
<context>
    <name>plexe::MessageWidget</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>plexe::ModelDetailsPanel</name>
    <message>
        <source>Select all of %1</source>
        <translation>Alles in %1 auswählen</translation>
    </message>
    <message>
        <source>Sample call language</source>
        <translation>Sprache des Beispielaufrufs</translation>
    </message>
    <message>
        <source>Select a model to see its details, its schemas and a sample call.</source>
        <translation>Wählen Sie ein Modell aus, um seine Details, seine Schemas und einen Beispielaufruf zu sehen.</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>sample call</source>
        <translation>Beispielaufruf</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1 (%2, Version %3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source># No endpoint yet: the sample call appears once the model is deployed.
</source>
        <translation># Noch kein Endpunkt: Der Beispielaufruf erscheint, sobald das Modell bereitgestellt ist.
</translation>
    </message>
    <message>
        <source>The details could not be loaded: %1</source>
        <translation>Die Details konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>plexe::ModelTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>plexe::ModelsPane</name>
    <message>
        <source>Select all models</source>
        <translation>Alle Modelle auswählen</translation>
    </message>
    <message>
        <source>Copied the %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Loading models… %1 of %2</source>
        <translation>Modelle werden geladen… %1 von %2</translation>
    </message>
    <message>
        <source>Loading models… %1</source>
        <translation>Modelle werden geladen… %1</translation>
    </message>
    <message>
        <source>The server asks us to slow down; trying again in %1.</source>
        <translation>Der Server bittet um eine Pause; neuer Versuch in %1.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped loading: %n model(s) shown, the list is incomplete.</source>
        <translation>
            <numerusform>Laden abgebrochen: %n Modell angezeigt, die Liste ist unvollständig.</numerusform>
            <numerusform>Laden abgebrochen: %n Modelle angezeigt, die Liste ist unvollständig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load all</source>
        <translation>Alle laden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The models could not be loaded</source>
        <translation>Die Modelle konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>Noch keine Modelle</translation>
    </message>
    <message>
        <source>Models are made with the Plexe API or SDK: describe what the model should predict and give it a dataset, and Plexe builds it. New models show here while they build.</source>
        <translation>Modelle werden mit der Plexe-API oder dem Plexe-SDK erstellt: Beschreiben Sie, was das Modell vorhersagen soll, und geben Sie ihm einen Datensatz, dann erstellt Plexe es. Neue Modelle erscheinen hier schon während der Erstellung.</translation>
    </message>
    <message>
        <source>Sign in to see your models.</source>
        <translation>Melden Sie sich an, um Ihre Modelle zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>%1 of %2 models</source>
        <translation>%1 von %2 Modellen</translation>
    </message>
    <message>
        <source>the answer was empty</source>
        <translation>die Antwort war leer</translation>
    </message>
    <message>
        <source>: too many requests. You can try again in %1.</source>
        <translation>: zu viele Anfragen. Sie können es in %1 erneut versuchen.</translation>
    </message>
    <message>
        <source>: you can try again now.</source>
        <translation>: Sie können es jetzt erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>plexe::PagedListLoader</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>plexe::PasswordSignIn</name>
    <message>
        <source>The server asked for a code from an authenticator app but sent no challenge.</source>
        <translation>Der Server hat nach einem Code aus einer Authentifizierungs-App gefragt, aber keine Abfrage gesendet.</translation>
    </message>
    <message>
        <source>The code is not correct. Enter the current code from your authenticator app.</source>
        <translation>Der Code ist falsch. Geben Sie den aktuellen Code aus Ihrer Authentifizierungs-App ein.</translation>
    </message>
    <message>
        <source>The email or password is not correct.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The sign-in timed out.</source>
        <translation>Zeitüberschreitung bei der Anmeldung.</translation>
    </message>
    <message>
        <source>Sign-in timed out: the server did not answer in time. Please try again.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>plexe::ProfileBar</name>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>Verwalten…</translation>
    </message>
    <message>
        <source>Manage profiles</source>
        <translation>Profile verwalten</translation>
    </message>
</context>
<context>
    <name>plexe::ProfileEditDialog</name>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>plexe::ProfileStore</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation>Der Profilname darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The profile name is longer than %1 characters.</source>
        <translation>Der Profilname ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The profile name must not contain control characters.</source>
        <translation>Der Profilname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>API address: %1</source>
        <translation>API-Adresse: %1</translation>
    </message>
    <message>
        <source>OIDC issuer: %1</source>
        <translation>OIDC-Aussteller: %1</translation>
    </message>
    <message>
        <source>The OIDC client id is not valid.</source>
        <translation>Die OIDC-Client-ID ist ungültig.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>A profile named %1 exists already.</source>
        <translation>Ein Profil namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>There is no profile named %1.</source>
        <translation>Es gibt kein Profil namens %1.</translation>
    </message>
    <message>
        <source>The built-in profile %1 cannot be changed.</source>
        <translation>Das eingebaute Profil %1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>The built-in profile %1 cannot be removed.</source>
        <translation>Das eingebaute Profil %1 kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>plexe::ProfilesDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>started with --sandbox</source>
        <translation>mit --sandbox gestartet</translation>
    </message>
    <message>
        <source>%1 · built in</source>
        <translation>%1 · eingebaut</translation>
    </message>
    <message>
        <source>Remove this profile?</source>
        <translation>Dieses Profil entfernen?</translation>
    </message>
    <message>
        <source>The profile is removed, and its session is signed out and deleted from the keychain.</source>
        <translation>Das Profil wird entfernt, und seine Sitzung wird abgemeldet und aus dem Schlüsselbund gelöscht.</translation>
    </message>
</context>
<context>
    <name>plexe::RefreshCoordinator</name>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>There is no refresh token; sign in again.</source>
        <translation>Es gibt kein Aktualisierungstoken; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Die Sitzung ist beendet; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>plexe::RevealKeyDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>I have &amp;stored it</source>
        <translation>Ich habe ihn &amp;gespeichert</translation>
    </message>
    <message>
        <source>Your new API key</source>
        <translation>Ihr neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>This is the only time the key is shown. Copy it now and store it somewhere safe, such as a password manager.</source>
        <translation>Der Schlüssel wird nur dieses eine Mal angezeigt. Kopieren Sie ihn jetzt und bewahren Sie ihn an einem sicheren Ort auf, etwa in einem Passwortmanager.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <source>I have stored it</source>
        <translation>Ich habe ihn gespeichert</translation>
    </message>
    <message>
        <source>The key is on the clipboard; it will be cleared in %1.</source>
        <translation>Der Schlüssel ist in der Zwischenablage; sie wird in %1 geleert.</translation>
    </message>
    <message>
        <source>Clear clipboard now</source>
        <translation>Zwischenablage jetzt leeren</translation>
    </message>
    <message>
        <source>The key is no longer on the clipboard.</source>
        <translation>Der Schlüssel ist nicht mehr in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Close without copying the key?</source>
        <translation>Schließen, ohne den Schlüssel zu kopieren?</translation>
    </message>
    <message>
        <source>You have not copied the key. It cannot be shown again: without it, you would have to create another key.</source>
        <translation>Sie haben den Schlüssel nicht kopiert. Er kann nicht noch einmal angezeigt werden: Ohne ihn müssten Sie einen weiteren Schlüssel erstellen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Discard key</source>
        <translation>Schlüssel verwerfen</translation>
    </message>
    <message>
        <source>Discard the key without copying it?</source>
        <translation>Den Schlüssel verwerfen, ohne ihn zu kopieren?</translation>
    </message>
    <message>
        <source>You have not copied the key. It cannot be shown again, so discarding it also revokes it on the server: nothing can use it afterwards.</source>
        <translation>Sie haben den Schlüssel nicht kopiert. Er kann nicht noch einmal angezeigt werden, deshalb wird er beim Verwerfen auch auf dem Server widerrufen: Danach kann ihn nichts mehr verwenden.</translation>
    </message>
    <message>
        <source>Discard and revoke key</source>
        <translation>Verwerfen und widerrufen</translation>
    </message>
    <message>
        <source>The key was not revoked: you are signed out.</source>
        <translation>Der Schlüssel wurde nicht widerrufen: Sie sind abgemeldet.</translation>
    </message>
    <message>
        <source>Revoking the key…</source>
        <translation>Der Schlüssel wird widerrufen …</translation>
    </message>
    <message>
        <source>The key was not revoked: %1 It still works; copy it, or try again.</source>
        <translation>Der Schlüssel wurde nicht widerrufen: %1 Er funktioniert noch; kopieren Sie ihn oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You will be signed out in %1 because of inactivity, but not while this key is shown: the sign-out waits until you close this window.</source>
        <translation>Sie werden in %1 wegen Inaktivität abgemeldet, aber nicht, solange dieser Schlüssel angezeigt wird: Die Abmeldung wartet, bis Sie dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Signing out for inactivity waits until you close this window.</source>
        <translation>Die Abmeldung wegen Inaktivität wartet, bis Sie dieses Fenster schließen.</translation>
    </message>
</context>
<context>
    <name>plexe::RotateKeyDialog</name>
    <message>
        <source>Revoke the old key &amp;now</source>
        <translation>Alten Schlüssel &amp;jetzt widerrufen</translation>
    </message>
    <message>
        <source>Revoke it &amp;later, at</source>
        <translation>&amp;Später widerrufen, am</translation>
    </message>
    <message>
        <source>Rotate API key</source>
        <translation>API-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Key: %1
Account: %2
Profile: %3</source>
        <translation>Schlüssel: %1
Konto: %2
Profil: %3</translation>
    </message>
    <message>
        <source>Create a replacement with the same permission</source>
        <translation>Einen Ersatz mit derselben Berechtigung erstellen</translation>
    </message>
    <message>
        <source>Store it (shown once)</source>
        <translation>Ihn speichern (wird einmal angezeigt)</translation>
    </message>
    <message>
        <source>Verify it, and switch the console to it</source>
        <translation>Ihn prüfen und die Konsole darauf umstellen</translation>
    </message>
    <message>
        <source>Verify it</source>
        <translation>Ihn prüfen</translation>
    </message>
    <message>
        <source>Revoke the old key, now or later</source>
        <translation>Den alten Schlüssel widerrufen, jetzt oder später</translation>
    </message>
    <message>
        <source>Revoke at</source>
        <translation>Widerrufen am</translation>
    </message>
    <message>
        <source>Scheduled revocations are not available here.</source>
        <translation>Geplante Widerrufe sind hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>Revoke old key</source>
        <translation>Alten Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Too many keys were created recently; trying again in %1.</source>
        <translation>In letzter Zeit wurden zu viele Schlüssel erstellt; neuer Versuch in %1.</translation>
    </message>
    <message>
        <source>Schedule the revocation?</source>
        <translation>Widerruf planen?</translation>
    </message>
    <message>
        <source>Revoke the old key?</source>
        <translation>Alten Schlüssel widerrufen?</translation>
    </message>
    <message>
        <source>The old key will stop working at %1; anything still using it will fail.</source>
        <translation>Der alte Schlüssel funktioniert ab %1 nicht mehr; alles, was ihn dann noch verwendet, schlägt fehl.</translation>
    </message>
    <message>
        <source>The old key stops working at once; anything still using it will fail.</source>
        <translation>Der alte Schlüssel funktioniert sofort nicht mehr; alles, was ihn noch verwendet, schlägt fehl.</translation>
    </message>
    <message>
        <source>Schedule revocation</source>
        <translation>Widerruf planen</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The new key was discarded and revoked. The old key %1 still works.</source>
        <translation>Der neue Schlüssel wurde verworfen und widerrufen. Der alte Schlüssel %1 funktioniert weiterhin.</translation>
    </message>
</context>
<context>
    <name>plexe::SandboxLauncher</name>
    <message>
        <source>plexe-sandbox was not found next to the console.</source>
        <translation>plexe-sandbox wurde neben der Konsole nicht gefunden.</translation>
    </message>
    <message>
        <source>Cannot create the sandbox data folder %1.</source>
        <translation>Der Datenordner der Sandbox %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Seeding the local sandbox failed (%1).</source>
        <translation>Das Befüllen der lokalen Sandbox ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The local sandbox printed no address.</source>
        <translation>Die lokale Sandbox hat keine Adresse ausgegeben.</translation>
    </message>
    <message>
        <source>The local sandbox reported an unusable address.</source>
        <translation>Die lokale Sandbox hat eine unbrauchbare Adresse gemeldet.</translation>
    </message>
    <message>
        <source>The local sandbox stopped unexpectedly (%1).</source>
        <translation>Die lokale Sandbox wurde unerwartet beendet (%1).</translation>
    </message>
    <message>
        <source>The local sandbox did not start (%1).</source>
        <translation>Die lokale Sandbox ist nicht gestartet (%1).</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>The local sandbox did not start within %1 seconds.</source>
        <translation>Die lokale Sandbox ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>sie ist abgestürzt</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>plexe::ScheduledRevocations</name>
    <message>
        <source>The key has no id.</source>
        <translation>Der Schlüssel hat keine ID.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Wählen Sie einen Zeitpunkt in der Zukunft.</translation>
    </message>
    <message>
        <source>Sign in to %1 to revoke them.</source>
        <translation>Melden Sie sich bei %1 an, um sie zu widerrufen.</translation>
    </message>
    <message>
        <source>The console is signed in with %1 itself; sign in another way, then revoke it.</source>
        <translation>Die Konsole ist mit %1 selbst angemeldet; melden Sie sich auf andere Weise an und widerrufen Sie ihn dann.</translation>
    </message>
    <message>
        <source>Revoking needs you to confirm your sign-in.</source>
        <translation>Zum Widerrufen müssen Sie Ihre Anmeldung bestätigen.</translation>
    </message>
    <message>
        <source>The scheduled revocation of %1 (%2) failed: %3</source>
        <translation>Der geplante Widerruf von %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled key revocation(s) in %1 are overdue. %2</source>
        <translation>
            <numerusform>%n geplanter Schlüsselwiderruf in %1 ist überfällig. %2</numerusform>
            <numerusform>%n geplante Schlüsselwiderrufe in %1 sind überfällig. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 belongs to %2; sign in as %2 to revoke it.</source>
        <translation>%1 gehört zu %2; melden Sie sich als %2 an, um ihn zu widerrufen.</translation>
    </message>
</context>
<context>
    <name>plexe::SessionManager</name>
    <message>
        <source>Renewing the session timed out: the server did not answer in time.</source>
        <translation>Zeitüberschreitung beim Erneuern der Sitzung: Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Your session has ended; please sign in again.</source>
        <translation>Ihre Sitzung ist beendet; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You were signed out after a period of inactivity.</source>
        <translation>Sie wurden nach einer Zeit der Inaktivität abgemeldet.</translation>
    </message>
    <message>
        <source>Your session reached its maximum length; please sign in again.</source>
        <translation>Ihre Sitzung hat ihre maximale Dauer erreicht; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>Erneut angemeldet.</translation>
    </message>
    <message>
        <source>The previous session has ended; please sign in again.</source>
        <translation>Die vorherige Sitzung ist beendet; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signing in again timed out: the server did not answer in time. Please try again.</source>
        <translation>Zeitüberschreitung bei der erneuten Anmeldung: Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>Das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>The server no longer accepts this API key.</source>
        <translation>Der Server akzeptiert diesen API-Schlüssel nicht mehr.</translation>
    </message>
    <message>
        <source>an unrecorded address</source>
        <translation>eine nicht festgehaltene Adresse</translation>
    </message>
    <message>
        <source>You were signed out on this computer: the stored session was made for %1, and this profile now connects to %2 (or trusts another certificate or identity provider). Nothing was sent to either server. Sign in again.</source>
        <translation>Sie wurden auf diesem Computer abgemeldet: Die gespeicherte Sitzung wurde für %1 angelegt, und dieses Profil verbindet sich jetzt mit %2 (oder vertraut einem anderen Zertifikat oder Identitätsanbieter). An keinen der beiden Server wurde etwas gesendet. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>plexe::SessionRequest</name>
    <message>
        <source>The action was cancelled; nothing was sent.</source>
        <translation>Die Aktion wurde abgebrochen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
</context>
<context>
    <name>plexe::SessionStore</name>
    <message>
        <source>memory only</source>
        <translation>nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Unusable profile name.</source>
        <translation>Unbrauchbarer Profilname.</translation>
    </message>
    <message>
        <source>A value is too large for the keychain.</source>
        <translation>Ein Wert ist zu groß für den Schlüsselbund.</translation>
    </message>
    <message>
        <source>keychain job timed out</source>
        <translation>Zeitüberschreitung beim Schlüsselbund</translation>
    </message>
    <message>
        <source>The keychain did not answer in time; sessions are kept in memory only.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet; Sitzungen werden nur im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <source>The keychain is locked.</source>
        <translation>Der Schlüsselbund ist gesperrt.</translation>
    </message>
    <message>
        <source>Stored session data is unreadable.</source>
        <translation>Die gespeicherten Sitzungsdaten sind nicht lesbar.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The session could not be deleted from the keychain (%1).</source>
        <translation>Die Sitzung konnte nicht aus dem Schlüsselbund gelöscht werden (%1).</translation>
    </message>
    <message>
        <source>No usable keychain (%1); sessions are kept in memory only.</source>
        <translation>Kein verwendbarer Schlüsselbund (%1); Sitzungen werden nur im Arbeitsspeicher gehalten.</translation>
    </message>
</context>
<context>
    <name>plexe::SignInPage</name>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the sign-in address into a browser, then paste the address it ends on below.</source>
        <translation>Der Browser konnte nicht geöffnet werden. Kopieren Sie die Anmeldeadresse in einen Browser und fügen Sie dann unten die Adresse ein, bei der er landet.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again in %1.</source>
        <translation>Zu viele Anmeldeversuche. Versuchen Sie es in %1 erneut.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>plexe::StartPage</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
</context>
<context>
    <name>plexe::StatusLine</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Session stored in: memory only</source>
        <translation>Sitzung gespeichert: nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Session stored in: %1</source>
        <translation>Sitzung gespeichert in: %1</translation>
    </message>
    <message>
        <source>Signs out in %1 when idle</source>
        <translation>Abmeldung bei Inaktivität in %1</translation>
    </message>
</context>
<context>
    <name>plexe::StepUpPrompt</name>
    <message>
        <source>Confirm it is you</source>
        <translation>Bestätigen Sie Ihre Identität</translation>
    </message>
    <message>
        <source>This action changes your API keys. Enter your password to continue; you will not be asked again for 10 minutes.</source>
        <translation>Diese Aktion ändert Ihre API-Schlüssel. Geben Sie Ihr Passwort ein, um fortzufahren; Sie werden 10 Minuten lang nicht erneut gefragt.</translation>
    </message>
    <message>
        <source>This action changes your API keys. Sign in again in your browser to continue; you will not be asked again for 10 minutes.</source>
        <translation>Diese Aktion ändert Ihre API-Schlüssel. Melden Sie sich in Ihrem Browser erneut an, um fortzufahren; Sie werden 10 Minuten lang nicht erneut gefragt.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Continue in browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Warten</translation>
    </message>
</context>
<context>
    <name>plexe::Workspace</name>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
</context>
</TS>
