<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="90" />
        <source>Record assessment</source>
        <translation>Registrer vurdering</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="101" />
        <source>What has happened since last time?</source>
        <translation>Hva har skjedd siden sist?</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="109" />
        <source>Goal:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="110" />
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="111" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="112" />
        <source>Assessed on:</source>
        <translation>Vurdert dato:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="113" />
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="114" />
        <source>Responsible:</source>
        <translation>Ansvarlig:</translation>
    </message>
</context>
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
        <source>Staffed hours (Mon–Fri %1)</source>
        <translation>Bemannet tid (man–fre %1)</translation>
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
        <source>Numbers behind: %1</source>
        <translation>Tallene bak: %1</translation>
    </message>
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
    <name>CostModelPanel</name>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="45" />
        <source>Municipality</source>
        <translation>Kommunen</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="46" />
        <source>Health trust</source>
        <translation>Helseforetaket</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="47" />
        <source>Shared</source>
        <translation>Delt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="87" />
        <source>Reset to defaults</source>
        <translation>Tilbakestill til standard</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="96" />
        <source>Requesting service</source>
        <translation>Tjeneste som bestiller</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="96" />
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="116" />
        <source>Car cost per year:</source>
        <translation>Bilkostnad per år:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="117" />
        <source>Staff cost per hour:</source>
        <translation>Bemanningskostnad per time:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="120" />
        <source>The cost model is saved at once and used by the Costs tab, the brief and the command line. The default car cost, NOK 300,000 a year, is the figure named in the evaluation.</source>
        <translation>Kostnadsmodellen lagres med en gang og brukes i fanen Kostnader, i notatet og på kommandolinjen. Standard bilkostnad, kr 300 000 i året, er tallet som er nevnt i evalueringen.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="128" />
        <source>Who owns each service that asks the car for a task (hours per owner):</source>
        <translation>Hvem som eier hver tjeneste som ber bilen om oppgaver (timer per eier):</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_model_panel.py" line="147" />
        <source>Staffed hours come from the settings: %1 on weekdays. Outside them the legevakt doctor uses the car.</source>
        <translation>Bemannet tid hentes fra innstillingene: %1 på hverdager. Utenom denne tiden bruker legevaktlegen bilen.</translation>
    </message>
</context>
<context>
    <name>CostSharingView</name>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="77" />
        <location filename="../../dashboard/views/cost_view.py" line="80" />
        <location filename="../../dashboard/views/cost_view.py" line="92" />
        <location filename="../../dashboard/views/cost_view.py" line="274" />
        <location filename="../../dashboard/views/cost_view.py" line="301" />
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="79" />
        <source>Hours in the period</source>
        <translation>Timer i perioden</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="82" />
        <source>Hours per month</source>
        <translation>Timer per måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="64" />
        <source>NOK %1</source>
        <translation>kr %1</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="93" />
        <source>Costs</source>
        <translation>Kostnader</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="94" />
        <source>Cost model</source>
        <translation>Kostnadsmodell</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="110" />
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="111" />
        <source>Explanation</source>
        <translation>Forklaring</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="137" />
        <source>Car:</source>
        <translation>Bil:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="138" />
        <source>Staff:</source>
        <translation>Bemanning:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="139" />
        <source>Staffed hours:</source>
        <translation>Bemannet tid:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="140" />
        <source>Car use outside staffed hours:</source>
        <translation>Bilbruk utenfor bemannet tid:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="164" />
        <source>Cost sharing</source>
        <translation>Kostnadsdeling</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="191" />
        <source>What each party would pay for %1–%2</source>
        <translation>Hva hver part ville betale for %1–%2</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="199" />
        <source>%1 on weekdays (from the settings)</source>
        <translation>%1 på hverdager (fra innstillingene)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="218" />
        <source>%1 for the period (%2 a year, %3 days)</source>
        <translation>%1 for perioden (%2 i året, %3 dager)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="227" />
        <source>Staff cost is not set (NOK 0 an hour), so the rules share only the car. Set it under Cost model.</source>
        <translation>Bemanningskostnaden er ikke satt (kr 0 per time), så reglene fordeler bare bilen. Sett den under Kostnadsmodell.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="231" />
        <source>%1 for the period (%2 staffed hours at %3 an hour)</source>
        <translation>%1 for perioden (%2 bemannede timer à %3 per time)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="240" />
        <source>No car trips in the period.</source>
        <translation>Ingen turer med bilen i perioden.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="243" />
        <source>%1 hours of %2 hours (%3 of all car use): the legevakt doctor's, that is the municipality's</source>
        <translation>%1 timer av %2 timer (%3 av all bilbruk): legevaktlegens, altså kommunens</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="274" />
        <location filename="../../dashboard/views/cost_view.py" line="300" />
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="299" />
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/cost_view.py" line="307" />
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
</context>
<context>
    <name>GoalDialogs</name>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="66" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="67" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <source>Assessments of the chosen goal</source>
        <translation>Vurderinger av det valgte målet</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>Endringen ble ikke lagret: %1</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="117" />
        <source>All plans</source>
        <translation>Alle planer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="122" />
        <location filename="../../dashboard/views/goals_view.py" line="126" />
        <source>Number of goals</source>
        <translation>Antall mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="141" />
        <location filename="../../dashboard/views/goals_view.py" line="467" />
        <source>Choose a goal to see its assessments.</source>
        <translation>Velg et mål for å se vurderingene av det.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="70" />
        <source>Not met</source>
        <translation>Ikke oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="71" />
        <source>Partly met</source>
        <translation>Delvis oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="72" />
        <source>Met</source>
        <translation>Oppfylt</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="73" />
        <source>Not assessed</source>
        <translation>Ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="160" />
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="180" />
        <source>Record assessment…</source>
        <translation>Registrer vurdering…</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="181" />
        <source>New goal…</source>
        <translation>Nytt mål…</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="187" />
        <source>Export register…</source>
        <translation>Eksporter målregister…</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="189" />
        <source>Write every goal and assessment to an Excel or CSV file that can be imported.</source>
        <translation>Skriv alle mål og vurderinger til en Excel- eller CSV-fil som kan importeres igjen.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="203" />
        <location filename="../../dashboard/views/goals_view.py" line="228" />
        <location filename="../../dashboard/views/goals_view.py" line="379" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="204" />
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="205" />
        <location filename="../../dashboard/views/goals_view.py" line="229" />
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="206" />
        <location filename="../../dashboard/views/goals_view.py" line="219" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="207" />
        <location filename="../../dashboard/views/goals_view.py" line="218" />
        <location filename="../../dashboard/views/goals_view.py" line="232" />
        <location filename="../../dashboard/views/goals_view.py" line="404" />
        <source>Assessed</source>
        <translation>Vurdert</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="208" />
        <location filename="../../dashboard/views/goals_view.py" line="220" />
        <location filename="../../dashboard/views/goals_view.py" line="233" />
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="221" />
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="222" />
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="223" />
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="230" />
        <source>Before</source>
        <translation>Før</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="231" />
        <source>Now</source>
        <translation>Nå</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="250" />
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="253" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="272" />
        <source>Changed since:</source>
        <translation>Endret siden:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="283" />
        <source>Status per plan</source>
        <translation>Status per plan</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="284" />
        <source>Status over time</source>
        <translation>Status over tid</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="285" />
        <source>Changes</source>
        <translation>Endringer</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="301" />
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="376" />
        <source>Goal status per plan on %1</source>
        <translation>Målstatus per plan per %1</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="401" />
        <source>Goal status at each assessment: %1</source>
        <translation>Målstatus ved hver vurdering: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/goals_view.py" line="414" />
        <source>%n goal(s) changed status from %1 to %2.</source>
        <translation>
            <numerusform>%n mål har endret status fra %1 til %2.</numerusform>
            <numerusform>%n mål har endret status fra %1 til %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="476" />
        <source>Assessments of: %1</source>
        <translation>Vurderinger av: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/goals_view.py" line="502" />
        <location filename="../../dashboard/views/goals_view.py" line="510" />
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n mål</numerusform>
            <numerusform>%n mål</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="523" />
        <source>The database file is read-only for you (its permissions do not let you change it): the goal register cannot be changed here.</source>
        <translation>Databasefilen er skrivebeskyttet for deg (rettighetene lar deg ikke endre den): målregisteret kan ikke endres her.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="528" />
        <source>Record a new assessment of the chosen goal.</source>
        <translation>Registrer en ny vurdering av det valgte målet.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="531" />
        <source>Add a goal to a plan.</source>
        <translation>Legg til et mål i en plan.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="536" />
        <source>Nothing recorded here to undo.</source>
        <translation>Ingenting registrert her å angre.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="591" />
        <source>The assessment is saved.</source>
        <translation>Vurderingen er lagret.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="598" />
        <source>The goal is added to «%1».</source>
        <translation>Målet er lagt til i «%1».</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="611" />
        <source>the new goal «%1»</source>
        <translation>det nye målet «%1»</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="614" />
        <source>the assessment of «%1» on %2 (%3)</source>
        <translation>vurderingen av «%1» per %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="644" />
        <source>It applies from %1, after the chosen period ends (%2), so it is not shown.</source>
        <translation>Den gjelder fra %1, etter at den valgte perioden slutter (%2), og vises derfor ikke.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="665" />
        <source>Export goal register</source>
        <translation>Eksporter målregister</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="668" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbeidsbok (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="668" />
        <source>CSV, semicolon separated (*.csv)</source>
        <translation>CSV, semikolonseparert (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goals_view.py" line="685" />
        <source>Could not export the register: %1</source>
        <translation>Kunne ikke eksportere målregisteret: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dashboard/views/goals_view.py" line="689" />
        <source>%n assessment(s) exported to %1.</source>
        <translation>
            <numerusform>%n vurdering eksportert til %1.</numerusform>
            <numerusform>%n vurderinger eksportert til %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewGoalDialog</name>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="137" />
        <source>New goal</source>
        <translation>Nytt mål</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="146" />
        <source>A new goal counts as not assessed from today.</source>
        <translation>Et nytt mål regnes som ikke vurdert fra i dag.</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="157" />
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="158" />
        <source>Area:</source>
        <translation>Område:</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="159" />
        <source>Goal:</source>
        <translation>Mål:</translation>
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
<context>
    <name>UndoConfirmation</name>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="184" />
        <source>Undo last change</source>
        <translation>Angre siste endring</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="186" />
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <location filename="../../dashboard/views/goal_dialogs.py" line="187" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
</TS>