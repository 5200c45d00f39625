<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>CalloutsView</name>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="102" />
        <location filename="../../dashboard/views/callouts_view.py" line="176" />
        <source>All acute call-outs</source>
        <translation>Alle akutte utrykninger</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="103" />
        <source>By urgency</source>
        <translation>Etter hastegrad</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="104" />
        <source>Staffed or unstaffed hours</source>
        <translation>Bemannet eller ubemannet tid</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="108" />
        <location filename="../../dashboard/views/callouts_view.py" line="224" />
        <source>Share with doctor (%)</source>
        <translation>Andel med lege (%)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="111" />
        <source>Acute call-outs with a doctor</source>
        <translation>Akutte utrykninger med lege</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="118" />
        <source>Split by:</source>
        <translation>Del opp etter:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="132" />
        <source>Call-outs in the period</source>
        <translation>Utrykninger i perioden</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="135" />
        <source>All call-outs</source>
        <translation>Utrykninger i alt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="136" />
        <source>Acute (akutt or haster)</source>
        <translation>Akutte (akutt eller haster)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="137" />
        <source>Acute with a doctor</source>
        <translation>Akutte med lege</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="138" />
        <source>Share with a doctor</source>
        <translation>Andel med lege</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="139" />
        <location filename="../../dashboard/views/callouts_view.py" line="214" />
        <source>95 % interval</source>
        <translation>95 %-intervall</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="146" />
        <source>Call-outs</source>
        <translation>Utrykninger</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="173" />
        <source>Akutt (red)</source>
        <translation>Akutt (rød)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="173" />
        <source>Haster (yellow)</source>
        <translation>Haster (gul)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="175" />
        <source>Staffed hours</source>
        <translation>Bemannet tid</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="175" />
        <source>Unstaffed hours</source>
        <translation>Ubemannet tid</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="220" />
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="221" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="222" />
        <source>Acute call-outs</source>
        <translation>Akutte utrykninger</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="223" />
        <source>With doctor</source>
        <translation>Med lege</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="225" />
        <source>Lower 95 % (%)</source>
        <translation>Nedre 95 % (%)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="226" />
        <source>Upper 95 % (%)</source>
        <translation>Øvre 95 % (%)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/callouts_view.py" line="252" />
        <source>%1: %2 (%3 of %4), 95 % interval %5</source>
        <translation>%1: %2 (%3 av %4), 95 %-intervall %5</translation>
    </message>
</context>
<context>
    <name>CarUseView</name>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="86" />
        <location filename="../../dashboard/views/car_use_view.py" line="188" />
        <location filename="../../dashboard/views/car_use_view.py" line="221" />
        <source>Trips</source>
        <translation>Turer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="87" />
        <location filename="../../dashboard/views/car_use_view.py" line="114" />
        <location filename="../../dashboard/views/car_use_view.py" line="178" />
        <location filename="../../dashboard/views/car_use_view.py" line="188" />
        <location filename="../../dashboard/views/car_use_view.py" line="222" />
        <source>Minutes</source>
        <translation>Minutter</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="106" />
        <source>Hour of the day</source>
        <translation>Klokkeslett (time)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="131" />
        <source>Show after hours:</source>
        <translation>Vis utenom bemannet tid:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="140" />
        <source>Car use</source>
        <translation>Bilbruk</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="156" />
        <source>Staffed hours (Mon–Fri %1–%2)</source>
        <translation>Bemannet tid (man–fre %1–%2)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="173" />
        <source>Minutes of car use per weekday and hour</source>
        <translation>Minutter i bruk per ukedag og time</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="176" />
        <source>Weekday</source>
        <translation>Ukedag</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="177" />
        <source>Hour</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="52" />
        <source>Health-watch staff</source>
        <translation>Helsevakt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="53" />
        <source>Doctor</source>
        <translation>Legevaktlege</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="212" />
        <source>Use outside staffed hours (after %1) per month</source>
        <translation>Bruk utenom bemannet tid (etter %1) per måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="219" />
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="220" />
        <source>Driver</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/car_use_view.py" line="235" />
        <source>%1 %2: %3 minutes</source>
        <translation>%1 %2: %3 minutter</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../dashboard/views/charts.py" line="138" />
        <source>No data in the chosen period.</source>
        <translation>Ingen data i valgt periode.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/charts.py" line="143" />
        <source>Copy data</source>
        <translation>Kopier data</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/charts.py" line="144" />
        <location filename="../../dashboard/views/charts.py" line="213" />
        <source>Export as PNG</source>
        <translation>Eksporter som PNG</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/charts.py" line="145" />
        <location filename="../../dashboard/views/charts.py" line="201" />
        <source>Show numbers</source>
        <translation>Vis tall</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/charts.py" line="201" />
        <source>Show chart</source>
        <translation>Vis diagram</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/charts.py" line="213" />
        <source>PNG images (*.png)</source>
        <translation>PNG-bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>CostSharingView</name>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="54" />
        <location filename="../../dashboard/views/cost_view.py" line="57" />
        <location filename="../../dashboard/views/cost_view.py" line="61" />
        <location filename="../../dashboard/views/cost_view.py" line="112" />
        <location filename="../../dashboard/views/cost_view.py" line="139" />
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="56" />
        <source>Hours in the period</source>
        <translation>Timer i perioden</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="59" />
        <source>Hours per month</source>
        <translation>Timer per måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="39" />
        <source>Municipality</source>
        <translation>Kommunen</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="40" />
        <source>Health trust</source>
        <translation>Helseforetaket</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="41" />
        <source>Shared</source>
        <translation>Delt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="77" />
        <source>Cost sharing</source>
        <translation>Kostnadsdeling</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="112" />
        <location filename="../../dashboard/views/cost_view.py" line="138" />
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="137" />
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="145" />
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="66" />
        <source>All plans</source>
        <translation>Alle planer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="71" />
        <source>Number of goals</source>
        <translation>Antall mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="79" />
        <location filename="../../dashboard/views/goals_view.py" line="241" />
        <source>Choose a goal to see its assessments.</source>
        <translation>Velg et mål for å se vurderingene av det.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="48" />
        <source>Not met</source>
        <translation>Ikke oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="49" />
        <source>Partly met</source>
        <translation>Delvis oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="50" />
        <source>Met</source>
        <translation>Oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="51" />
        <source>Not assessed</source>
        <translation>Ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="87" />
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="95" />
        <location filename="../../dashboard/views/goals_view.py" line="207" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="96" />
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="97" />
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="99" />
        <location filename="../../dashboard/views/goals_view.py" line="111" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="103" />
        <location filename="../../dashboard/views/goals_view.py" line="109" />
        <source>Assessed</source>
        <translation>Vurdert</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="104" />
        <location filename="../../dashboard/views/goals_view.py" line="115" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="116" />
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="117" />
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="133" />
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="136" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="153" />
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="204" />
        <source>Goal status per plan on %1</source>
        <translation>Målstatus per plan per %1</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="250" />
        <source>Assessments of: %1</source>
        <translation>Vurderinger av: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/goals_view.py" line="266" />
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n mål</numerusform>
            <numerusform>%n mål</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskMixView</name>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="52" />
        <location filename="../../dashboard/views/task_mix_view.py" line="135" />
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="52" />
        <location filename="../../dashboard/views/task_mix_view.py" line="135" />
        <source>Requested by</source>
        <translation>Bestiller</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="55" />
        <location filename="../../dashboard/views/task_mix_view.py" line="138" />
        <location filename="../../dashboard/views/task_mix_view.py" line="179" />
        <location filename="../../dashboard/views/task_mix_view.py" line="215" />
        <source>Number of tasks</source>
        <translation>Antall oppgaver</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="55" />
        <location filename="../../dashboard/views/task_mix_view.py" line="138" />
        <location filename="../../dashboard/views/task_mix_view.py" line="180" />
        <location filename="../../dashboard/views/task_mix_view.py" line="216" />
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="58" />
        <source>Whole period</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="58" />
        <source>Per month</source>
        <translation>Per måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="85" />
        <source>Split by:</source>
        <translation>Del opp etter:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="86" />
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="87" />
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="99" />
        <source>Task mix</source>
        <translation>Oppgavemiks</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/task_mix_view.py" line="150" />
        <source>Other (%n categories)</source>
        <translation>
            <numerusform>Øvrige (%n kategori)</numerusform>
            <numerusform>Øvrige (%n kategorier)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="170" />
        <source>%1 per subproject, whole period</source>
        <translation>%1 per delprosjekt, hele perioden</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="177" />
        <location filename="../../dashboard/views/task_mix_view.py" line="213" />
        <source>Subproject</source>
        <translation>Delprosjekt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="206" />
        <source>all subprojects</source>
        <translation>alle delprosjekter</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="207" />
        <source>%1 per month, %2</source>
        <translation>%1 per måned, %2</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="212" />
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/task_mix_view.py" line="234" />
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n oppgave</numerusform>
            <numerusform>%n oppgaver</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dashboard/views/task_mix_view.py" line="235" />
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
</context>
</TS>