<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>GainsView</name>
    <message>
        <source>What the car's tasks led to, as the activity log records each task's outcome.</source>
        <translation>Hva bilens oppgaver førte til, slik aktivitetsloggen registrerer utfallet av hver oppgave.</translation>
    </message>
</context>
</TS>
