<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>EventDialog</name>
    <message>
        <source>Change event</source>
        <translation>Endre hendelse</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Dato:</translation>
    </message>
    <message>
        <source>For example: Rørosmartnan, double shifts</source>
        <translation>For eksempel: Rørosmartnan, dobbel vakt</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>Siste dag:</translation>
    </message>
    <message>
        <source>Lasts several days</source>
        <translation>Varer flere dager</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Ny hendelse</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Hva skjedde:</translation>
    </message>
</context>
<context>
    <name>EventMarks</name>
    <message>
        <source>Event (point at it to read it)</source>
        <translation>Hendelse (pek på den for å lese den)</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Events</source>
        <translation>Hendelser</translation>
    </message>
    <message>
        <source>Reference values</source>
        <translation>Referanseverdier</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Add…</source>
        <translation>Legg til …</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Endre …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
</context>
<context>
    <name>MetricCard</name>
    <message>
        <source>Events (shaded on the trend line):</source>
        <translation>Hendelser (skyggelagt på trendlinjen):</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <source> minutes</source>
        <translation> minutter</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Et år</translation>
    </message>
    <message>
        <source>Change reference value</source>
        <translation>Endre referanseverdi</translation>
    </message>
    <message>
        <source>Compared with:</source>
        <translation>Sammenlignet med:</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Nøkkeltall:</translation>
    </message>
    <message>
        <source>For example: Comparable municipalities in Trøndelag</source>
        <translation>For eksempel: Sammenlignbare kommuner i Trøndelag</translation>
    </message>
    <message>
        <source>From and to dates</source>
        <translation>Fra og til dato</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>New reference value</source>
        <translation>Ny referanseverdi</translation>
    </message>
    <message>
        <source>No period</source>
        <translation>Uten periode</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Kilde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Til:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Verdi:</translation>
    </message>
    <message>
        <source>Where the figure comes from</source>
        <translation>Hvor tallet kommer fra</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>År:</translation>
    </message>
</context>
<context>
    <name>ReferenceText</name>
    <message>
        <source>no period</source>
        <translation>uten periode</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
    <message>
        <source>%1, %2: %3 (source: %4)</source>
        <translation>%1, %2: %3 (kilde: %4)</translation>
    </message>
</context>
<context>
    <name>ReferencesView</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Sammenlignet med</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Delete the event «%1»?</source>
        <translation>Slette hendelsen «%1»?</translation>
    </message>
    <message>
        <source>Delete the reference value «%1» for «%2» (%3)?</source>
        <translation>Slette referanseverdien «%1» for «%2» (%3)?</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Lagt inn</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hendelser</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Nøkkeltall</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Her</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importert</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Siste dag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Reference values</source>
        <translation>Referanseverdier</translation>
    </message>
    <message>
        <source>Reference values are shown beside their figure on the charts and in the brief's headline table, always with group and source. Events are marked on every chart over time and listed in the brief. Both can also be imported (Import, kind Reference values or Events).</source>
        <translation>Referanseverdier vises ved sitt nøkkeltall i diagrammene og i notatets nøkkeltallstabell, alltid med gruppe og kilde. Hendelser markeres i alle diagrammer over tid og listes i notatet. Begge kan også importeres (Import, type Referanseverdier eller Hendelser).</translation>
    </message>
    <message>
        <source>References and events</source>
        <translation>Referanser og hendelser</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>Endringen ble ikke lagret: %1</translation>
    </message>
    <message>
        <source>The event is added.</source>
        <translation>Hendelsen er lagt til.</translation>
    </message>
    <message>
        <source>The event is changed.</source>
        <translation>Hendelsen er endret.</translation>
    </message>
    <message>
        <source>The event is deleted.</source>
        <translation>Hendelsen er slettet.</translation>
    </message>
    <message>
        <source>The reference value is added.</source>
        <translation>Referanseverdien er lagt til.</translation>
    </message>
    <message>
        <source>The reference value is changed.</source>
        <translation>Referanseverdien er endret.</translation>
    </message>
    <message>
        <source>The reference value is deleted.</source>
        <translation>Referanseverdien er slettet.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hva skjedde</translation>
    </message>
</context>
</TS>
