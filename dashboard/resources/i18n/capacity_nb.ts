<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>CalloutsView</name>
    <message>
        <source>Acute call-outs the car took</source>
        <translation>Ø-hjelp-utrykninger bilen tok</translation>
    </message>
    <message>
        <source>Acute handled by the car</source>
        <translation>Ø-hjelp tatt av bilen</translation>
    </message>
    <message>
        <source>All urgencies</source>
        <translation>Alle hastegrader</translation>
    </message>
    <message>
        <source>Call-outs per month by resource sent</source>
        <translation>Utrykninger per måned etter ressurs sendt</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registrert</translation>
    </message>
    <message>
        <source>Resource sent</source>
        <translation>Ressurs sendt</translation>
    </message>
    <message>
        <source>Share handled by the car</source>
        <translation>Andel ø-hjelp tatt av bilen</translation>
    </message>
    <message>
        <source>Share of acute call-outs the car took, per month</source>
        <translation>Andel ø-hjelp bilen tok, per måned</translation>
    </message>
    <message>
        <source>Taken by the car</source>
        <translation>Tatt av bilen</translation>
    </message>
    <message>
        <source>Taken by the car (%)</source>
        <translation>Tatt av bilen (%)</translation>
    </message>
    <message>
        <source>The car took %1 of %2 acute call-outs (%3)</source>
        <translation>Bilen tok %1 av %2 ø-hjelp-utrykninger (%3)</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Hastegrad</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>Hastegrad:</translation>
    </message>
    <message>
        <source>Vanlig (green)</source>
        <translation>Vanlig (grønn)</translation>
    </message>
</context>
<context>
    <name>CapacityView</name>
    <message>
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 staffed hours (%4)</source>
        <translation>%1: %2 av %3 bemannede timer (%4)</translation>
    </message>
    <message>
        <source>%1: %2 visits, %3 a week</source>
        <translation>%1: %2 besøk, %3 per uke</translation>
    </message>
    <message>
        <source>All staffed hours (100 %)</source>
        <translation>Hele den bemannede tiden (100 %)</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitet</translation>
    </message>
    <message>
        <source>Capacity in the period</source>
        <translation>Kapasitet i perioden</translation>
    </message>
    <message>
        <source>Days in the period</source>
        <translation>Dager i perioden</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Months below target</source>
        <translation>Måneder under målet</translation>
    </message>
    <message>
        <source>Preventive home visits</source>
        <translation>Forebyggende hjemmebesøk</translation>
    </message>
    <message>
        <source>Preventive home visits a week (average per month)</source>
        <translation>Forebyggende hjemmebesøk per uke (snitt per måned)</translation>
    </message>
    <message>
        <source>Share of staffed hours (%)</source>
        <translation>Andel av bemannet tid (%)</translation>
    </message>
    <message>
        <source>Staffed hours</source>
        <translation>Bemannede timer</translation>
    </message>
    <message>
        <source>Staffed hours: weekdays that are not public holidays, at the hours in force each day. Task hours: the activity log's minutes.</source>
        <translation>Bemannede timer: hverdager som ikke er helligdager, med den bemannede tiden som gjaldt hver dag. Timer med oppgaver: minuttene i aktivitetsloggen.</translation>
    </message>
    <message>
        <source>Subproject</source>
        <translation>Delprosjekt</translation>
    </message>
    <message>
        <source>Target a week</source>
        <translation>Mål per uke</translation>
    </message>
    <message>
        <source>Target: %1 a week</source>
        <translation>Mål: %1 per uke</translation>
    </message>
    <message>
        <source>Task hours</source>
        <translation>Timer med oppgaver</translation>
    </message>
    <message>
        <source>Task hours as a share of staffed hours</source>
        <translation>Timer med oppgaver som andel av bemannet tid</translation>
    </message>
    <message>
        <source>Task hours per subproject per month</source>
        <translation>Timer med oppgaver per delprosjekt per måned</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utnyttelse</translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation>Utnyttelse (%)</translation>
    </message>
    <message>
        <source>Utilisation per month</source>
        <translation>Utnyttelse av bemannet tid per måned</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Visits a week</source>
        <translation>Besøk per uke</translation>
    </message>
</context>
<context>
    <name>CarUseView</name>
    <message>
        <source>After %1</source>
        <translation>Etter %1</translation>
    </message>
    <message>
        <source>Car use in the period</source>
        <translation>Bilbruk i perioden</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Outside staffed time</source>
        <translation>Utenom bemannet tid</translation>
    </message>
    <message>
        <source>Show per month:</source>
        <translation>Vis per måned:</translation>
    </message>
    <message>
        <source>Use %1 per month</source>
        <translation>Bruk %1 per måned</translation>
    </message>
    <message>
        <source>Use outside staffed time per month (evenings, nights and mornings, weekends and public holidays)</source>
        <translation>Bruk utenom bemannet tid per måned (kveld, natt og morgen, helg og helligdag)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preventive home visits, target a week</source>
        <translation>Forebyggende hjemmebesøk, mål per uke</translation>
    </message>
    <message>
        <source>Staffed hours of the car</source>
        <translation>Bilens bemannede tid</translation>
    </message>
</context>
<context>
    <name>StaffedHistoryEditor</name>
    <message>
        <source>Add period</source>
        <translation>Legg til periode</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>Give at least one period of staffed hours.</source>
        <translation>Oppgi minst én periode med bemannet tid.</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>Fjern periode</translation>
    </message>
    <message>
        <source>Staffed from</source>
        <translation>Bemannet fra</translation>
    </message>
    <message>
        <source>Staffed hours from each date</source>
        <translation>Bemannet tid fra hver dato</translation>
    </message>
    <message>
        <source>Staffed until</source>
        <translation>Bemannet til</translation>
    </message>
    <message>
        <source>The period from %1 must end after it starts.</source>
        <translation>Perioden fra %1 må slutte etter at den begynner.</translation>
    </message>
    <message>
        <source>Two periods start on %1; give each its own date.</source>
        <translation>To perioder starter %1; gi hver periode sin egen dato.</translation>
    </message>
    <message>
        <source>Weekdays that are not public holidays. Each period holds from its date until the next one starts; days before the first date take its hours.</source>
        <translation>Hverdager som ikke er helligdager. Hver periode gjelder fra datoen til neste periode starter; dager før første dato får timene i første periode.</translation>
    </message>
</context>
</TS>
