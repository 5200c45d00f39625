<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>BaselineDialog</name>
    <message>
        <source>Baseline from</source>
        <translation>Grunnlinje fra</translation>
    </message>
    <message>
        <source>Baseline period</source>
        <translation>Grunnlinjeperiode</translation>
    </message>
    <message>
        <source>Baseline to</source>
        <translation>Grunnlinje til</translation>
    </message>
    <message>
        <source>Every figure is compared with this period, for example the year before the project started. Both days are included.</source>
        <translation>Alle tall sammenlignes med denne perioden, for eksempel året før prosjektet startet. Begge dagene er med.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>The first day is after the last.</source>
        <translation>Første dag er etter siste dag.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Compared with</source>
        <translation>Sammenlignet med</translation>
    </message>
    <message>
        <source>Nothing (no comparison chosen in the filter bar)</source>
        <translation>Ingenting (ingen sammenligning valgt i filterlinjen)</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>Activity log only up to %1</source>
        <translation>Aktivitetslogg bare til og med %1</translation>
    </message>
    <message>
        <source>Call-outs only up to %1</source>
        <translation>Utrykninger bare til og med %1</translation>
    </message>
    <message>
        <source>Car log only up to %1</source>
        <translation>Kjørebok bare til og med %1</translation>
    </message>
    <message>
        <source>Last data: %1</source>
        <translation>Sist data: %1</translation>
    </message>
    <message>
        <source>No activity log imported</source>
        <translation>Ingen aktivitetslogg importert</translation>
    </message>
    <message>
        <source>No call-outs imported</source>
        <translation>Ingen utrykninger importert</translation>
    </message>
    <message>
        <source>No car log imported</source>
        <translation>Ingen kjørebok importert</translation>
    </message>
    <message>
        <source>The period runs past the last data: %1.</source>
        <translation>Perioden går forbi siste data: %1.</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>aktivitet</translation>
    </message>
    <message>
        <source>call-outs</source>
        <translation>utrykninger</translation>
    </message>
    <message>
        <source>car log</source>
        <translation>kjørebok</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Baseline %1</source>
        <translation>Grunnlinje %1</translation>
    </message>
    <message>
        <source>Baseline…</source>
        <translation>Grunnlinje…</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Sammenlign med</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Forrige periode</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>Samme periode i fjor</translation>
    </message>
</context>
<context>
    <name>MetricCard</name>
    <message>
        <source>%1 from %2 in the baseline</source>
        <translation>%1 fra %2 i grunnlinjen</translation>
    </message>
    <message>
        <source>%1 from %2 in the same period last year</source>
        <translation>%1 fra %2 i samme periode i fjor</translation>
    </message>
    <message>
        <source>Baseline: %1</source>
        <translation>Grunnlinje: %1</translation>
    </message>
    <message>
        <source>No data for the baseline</source>
        <translation>Ingen data for grunnlinjen</translation>
    </message>
    <message>
        <source>No data for the same period last year</source>
        <translation>Ingen data for samme periode i fjor</translation>
    </message>
    <message>
        <source>Same period last year: %1</source>
        <translation>Samme periode i fjor: %1</translation>
    </message>
    <message>
        <source>Unchanged from %1 in the baseline</source>
        <translation>Uendret fra %1 i grunnlinjen</translation>
    </message>
    <message>
        <source>Unchanged from %1 in the same period last year</source>
        <translation>Uendret fra %1 i samme periode i fjor</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>%1, compared with the baseline, %2.</source>
        <translation>%1, sammenlignet med grunnlinjen, %2.</translation>
    </message>
    <message>
        <source>%1, compared with the same period last year, %2.</source>
        <translation>%1, sammenlignet med samme periode i fjor, %2.</translation>
    </message>
    <message>
        <source>%1, without comparison.</source>
        <translation>%1, uten sammenligning.</translation>
    </message>
</context>
</TS>
