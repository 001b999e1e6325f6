<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BookingsBrowser</name>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Demo data loaded: %n booking(s).</source>
        <translation>
            <numerusform>Demo data loaded: %n booking.</numerusform>
            <numerusform>Demo data loaded: %n bookings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message numerus="yes">
        <source>%n booking(s) waiting</source>
        <translation>
            <numerusform>%n booking waiting</numerusform>
            <numerusform>%n bookings waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n pending bookings? They will be deleted; the audit log keeps a trace of them.</source>
        <translation>
            <numerusform>Cancel %n pending booking? It will be deleted; the audit log keeps a trace of it.</numerusform>
            <numerusform>Cancel %n pending bookings? They will be deleted; the audit log keeps a trace of them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel booking</source>
        <translation>
            <numerusform>Cancel booking</numerusform>
            <numerusform>Cancel bookings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending booking(s) cancelled.</source>
        <translation>
            <numerusform>%n pending booking cancelled.</numerusform>
            <numerusform>%n pending bookings cancelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) could not be cancelled.</source>
        <translation>
            <numerusform>%n booking could not be cancelled.</numerusform>
            <numerusform>%n bookings could not be cancelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
