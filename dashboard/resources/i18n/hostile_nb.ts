<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>ImportView</name>
    <message>
        <source> %1 empty row(s) (only delimiters or spaces) left out.</source>
        <translation> %1 tomme rader (bare skilletegn eller mellomrom) hoppet over.</translation>
    </message>
</context>
</TS>
