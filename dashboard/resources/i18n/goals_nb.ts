<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>GoalsView</name>
    <message>
        <source>Assessed without scale</source>
        <translation>Vurdert uten skala</translation>
    </message>
    <message>
        <source>without scale</source>
        <translation>uten skala</translation>
    </message>
    <message>
        <source>%1: %2 (target %3 %4)</source>
        <translation>%1: %2 (mål %3 %4)</translation>
    </message>
    <message>
        <source>%1 from %2 the period before</source>
        <translation>%1 fra %2 perioden før</translation>
    </message>
    <message>
        <source>Goal type</source>
        <translation>Måltype</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Nøkkeltall</translation>
    </message>
    <message>
        <source>The evaluation's verdict: %1</source>
        <translation>Evalueringens vurdering: %1</translation>
    </message>
    <message>
        <source>Edit goal…</source>
        <translation>Rediger mål…</translation>
    </message>
    <message>
        <source>Deadline, goal type and the figure the chosen goal is tied to.</source>
        <translation>Frist, måltype og nøkkeltallet det valgte målet er knyttet til.</translation>
    </message>
    <message>
        <source>The goal is saved.</source>
        <translation>Målet er lagret.</translation>
    </message>
</context>
<context>
    <name>GoalDetailsDialog</name>
    <message>
        <source>Edit goal</source>
        <translation>Rediger mål</translation>
    </message>
    <message>
        <source>e.g. 2022, 31.12.2022 or 2018-2022</source>
        <translation>f.eks. 2022, 31.12.2022 eller 2018-2022</translation>
    </message>
    <message>
        <source>e.g. effektmål</source>
        <translation>f.eks. effektmål</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <source>Goal type:</source>
        <translation>Måltype:</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>Nøkkeltall:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Målverdi:</translation>
    </message>
    <message>
        <source>The Goals view and the brief show the indicator's value for the period beside the goal's assessment.</source>
        <translation>Målvisningen og notatet viser nøkkeltallets verdi for perioden ved siden av vurderingen av målet.</translation>
    </message>
</context>
<context>
    <name>AssessedDatePanel</name>
    <message>
        <source>e.g. mai 2021, 05.2021 or 31.05.2021</source>
        <translation>f.eks. mai 2021, 05.2021 eller 31.05.2021</translation>
    </message>
    <message>
        <source>Date the statuses were given</source>
        <translation>Datoen statusene ble gitt</translation>
    </message>
    <message>
        <source>Import with this date</source>
        <translation>Importer med denne datoen</translation>
    </message>
    <message>
        <source>%1 gives statuses but not the date they were given. When were they given? Write it as precisely as the source says it: a month stays a month.</source>
        <translation>%1 har statuser, men ikke datoen de ble gitt. Når ble de gitt? Skriv det så presist som kilden sier det: en måned forblir en måned.</translation>
    </message>
    <message>
        <source>«%1» is not a date; write e.g. mai 2021, 05.2021 or 31.05.2021.</source>
        <translation>«%1» er ikke en dato; skriv f.eks. mai 2021, 05.2021 eller 31.05.2021.</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Columns not used: %1.</source>
        <translation>Kolonner som ikke ble brukt: %1.</translation>
    </message>
</context>
</TS>
