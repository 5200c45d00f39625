<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>SheetDialog</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbeidsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, semicolon separated (*.csv)</source>
        <translation>CSV, semikolondelt (*.csv)</translation>
    </message>
</context>
</TS>
