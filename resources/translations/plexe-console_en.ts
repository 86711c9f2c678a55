<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Too many requests. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many requests. Try again in %n second.</numerusform>
            <numerusform>Too many requests. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n minutes (at %1).</source>
        <translation>
            <numerusform>Too many requests. Try again in %n minute (at %1).</numerusform>
            <numerusform>Too many requests. Try again in %n minutes (at %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n years</source>
        <translation>
            <numerusform>in %n year</numerusform>
            <numerusform>in %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::AccountPane</name>
    <message numerus="yes">
        <source>%1 (%2) at the latest, or after %n minutes without input</source>
        <translation>
            <numerusform>%1 (%2) at the latest, or after %n minute without input</numerusform>
            <numerusform>%1 (%2) at the latest, or after %n minutes without input</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::ActivityChart</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::ApiKeysPane</name>
    <message numerus="yes">
        <source>Stopped loading: %n key(s) shown, the list is incomplete.</source>
        <translation>
            <numerusform>Stopped loading: %n key shown, the list is incomplete.</numerusform>
            <numerusform>Stopped loading: %n keys shown, the list is incomplete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::LogFilterBar</name>
    <message numerus="yes">
        <source>%n event type(s)</source>
        <translation>
            <numerusform>%n event type</numerusform>
            <numerusform>%n event types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::MainWindow</name>
    <message numerus="yes">
        <source>Signed out after %n minutes of inactivity.</source>
        <translation>
            <numerusform>Signed out after %n minute of inactivity.</numerusform>
            <numerusform>Signed out after %n minutes of inactivity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::ModelsPane</name>
    <message numerus="yes">
        <source>Stopped loading: %n model(s) shown, the list is incomplete.</source>
        <translation>
            <numerusform>Stopped loading: %n model shown, the list is incomplete.</numerusform>
            <numerusform>Stopped loading: %n models shown, the list is incomplete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plexe::ScheduledRevocations</name>
    <message numerus="yes">
        <source>%n scheduled key revocation(s) in %1 are overdue. %2</source>
        <translation>
            <numerusform>%n scheduled key revocation in %1 is overdue. %2</numerusform>
            <numerusform>%n scheduled key revocations in %1 are overdue. %2</numerusform>
        </translation>
    </message>
</context>
</TS>
