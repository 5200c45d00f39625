<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
    <context>
        <name>BenefitModelDialog</name>
        <message>
            <source>Benefit model</source>
            <translation>Gevinstmodell</translation>
        </message>
    </context>
    <context>
        <name>BenefitModelPanel</name>
        <message>
            <source>Add value…</source>
            <translation>Legg til verdi …</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Endre …</translation>
        </message>
        <message>
            <source>Kroner per task</source>
            <translation>Kroner per oppgave</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>Utfall</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Kilde</translation>
        </message>
        <message>
            <source>Unit value</source>
            <translation>Enhetsverdi</translation>
        </message>
        <message>
            <source>What an outcome is worth: kroner for each task with the outcomes a value counts, and the source of the amount. Saved at once and used by the Gains view, the brief and the command line. With no values, the dashboard shows counts only. Whatever is computed from these values is an estimate, and is always shown with them.</source>
            <translation>Hva et utfall er verdt: kroner for hver oppgave med utfallene en verdi teller, og kilden til beløpet. Lagres med en gang og brukes av visningen Gevinster, notatet og kommandolinjen. Uten verdier viser dashbordet bare antall. Alt som regnes ut fra disse verdiene er et anslag, og vises alltid sammen med dem.</translation>
        </message>
    </context>
    <context>
        <name>CostSharingView</name>
        <message>
            <source>Benefit model</source>
            <translation>Gevinstmodell</translation>
        </message>
    </context>
    <context>
        <name>GainsView</name>
        <message>
            <source>%1 km on tasks in the period, from the activity log's Km column.</source>
            <translation>%1 km på oppgaver i perioden, fra kolonnen Km i aktivitetsloggen.</translation>
        </message>
        <message>
            <source>%1 of %2 tasks; the counts above include only these</source>
            <translation>%1 av %2 oppgaver; antallene her gjelder bare disse</translation>
        </message>
        <message>
            <source>Admissions avoided</source>
            <translation>Innleggelser unngått</translation>
        </message>
        <message>
            <source>All tasks</source>
            <translation>Alle oppgaver</translation>
        </message>
        <message>
            <source>An estimate, not a measured saving: the number of tasks with each outcome times the unit value set for it, with the sources named in the table.</source>
            <translation>Et anslag, ikke en målt besparelse: antall oppgaver med hvert utfall ganger enhetsverdien som er satt for det, med kildene som står i tabellen.</translation>
        </message>
        <message>
            <source>By service or subproject</source>
            <translation>Per tjeneste eller delprosjekt</translation>
        </message>
        <message>
            <source>Counts the outcomes</source>
            <translation>Teller utfallene</translation>
        </message>
        <message>
            <source>Edit unit values…</source>
            <translation>Endre enhetsverdier …</translation>
        </message>
        <message>
            <source>Estimate</source>
            <translation>Anslag</translation>
        </message>
        <message>
            <source>Estimated value (estimate)</source>
            <translation>Anslått verdi (anslag)</translation>
        </message>
        <message>
            <source>Estimated value: %1 (estimate)</source>
            <translation>Anslått verdi: %1 (anslag)</translation>
        </message>
        <message>
            <source>Every task with a valued outcome is assumed to have spared what the unit value prices (an admission, a transport), once.</source>
            <translation>Hver oppgave med et verdsatt utfall antas å ha spart det enhetsverdien setter pris på (en innleggelse, en transport), én gang.</translation>
        </message>
        <message>
            <source>Gains</source>
            <translation>Gevinster</translation>
        </message>
        <message>
            <source>Gains, %1</source>
            <translation>Gevinster, %1</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Timer</translation>
        </message>
        <message>
            <source>Kilometres</source>
            <translation>Kilometer</translation>
        </message>
        <message>
            <source>Km</source>
            <translation>Km</translation>
        </message>
        <message>
            <source>Kroner per task</source>
            <translation>Kroner per oppgave</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Måned</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Kommune</translation>
        </message>
        <message>
            <source>No tasks in the previous period</source>
            <translation>Ingen oppgaver i forrige periode</translation>
        </message>
        <message>
            <source>No valuation is set</source>
            <translation>Ingen verdsetting er satt</translation>
        </message>
        <message>
            <source>No valuation is set: counts only. Set unit values under Valuation.</source>
            <translation>Ingen verdsetting er satt: bare antall. Sett enhetsverdier under Verdsetting.</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>Ikke oppgitt</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Ikke registrert</translation>
        </message>
        <message>
            <source>Not valued</source>
            <translation>Ikke verdsatt</translation>
        </message>
        <message>
            <source>Not valued: %1.</source>
            <translation>Ikke verdsatt: %1.</translation>
        </message>
        <message>
            <source>Number of tasks</source>
            <translation>Antall oppgaver</translation>
        </message>
        <message>
            <source>Only tasks with an outcome recorded count: %1 of %2 tasks (%3). Tasks without one add nothing.</source>
            <translation>Bare oppgaver med registrert utfall teller: %1 av %2 oppgaver (%3). Oppgaver uten registrert utfall gir ingenting.</translation>
        </message>
        <message>
            <source>Other outcomes</source>
            <translation>Andre utfall</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Utfall</translation>
        </message>
        <message>
            <source>Outcome recorded</source>
            <translation>Utfall registrert</translation>
        </message>
        <message>
            <source>Outcomes in the period</source>
            <translation>Utfall i perioden</translation>
        </message>
        <message>
            <source>Outcomes over time</source>
            <translation>Utfall over tid</translation>
        </message>
        <message>
            <source>Outcomes per month</source>
            <translation>Utfall per måned</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Eier</translation>
        </message>
        <message>
            <source>Per municipality</source>
            <translation>Per kommune</translation>
        </message>
        <message>
            <source>Per owner of the requesting service</source>
            <translation>Per eier av tjenesten som bestilte</translation>
        </message>
        <message>
            <source>Per subproject</source>
            <translation>Per delprosjekt</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Forrige periode</translation>
        </message>
        <message>
            <source>Previous period: %1</source>
            <translation>Forrige periode: %1</translation>
        </message>
        <message>
            <source>Requesting service</source>
            <translation>Bestillende tjeneste</translation>
        </message>
        <message>
            <source>Set unit values…</source>
            <translation>Sett enhetsverdier …</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Vis:</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Kilde</translation>
        </message>
        <message>
            <source>Split by:</source>
            <translation>Del opp etter:</translation>
        </message>
        <message>
            <source>Subproject</source>
            <translation>Delprosjekt</translation>
        </message>
        <message>
            <source>Tasks</source>
            <translation>Oppgaver</translation>
        </message>
        <message>
            <source>Tasks with an outcome recorded</source>
            <translation>Oppgaver med registrert utfall</translation>
        </message>
        <message>
            <source>Tasks with the outcome «%1» count in each of: %2.</source>
            <translation>Oppgaver med utfallet «%1» teller i hver av: %2.</translation>
        </message>
        <message>
            <source>The gains are shown as counts only. To show what they are worth, set unit values with their sources (kroner per avoided admission, per avoided ambulance transport …) under Cost sharing → Benefit model, or here. Anything computed from them is shown as an estimate, with its assumptions.</source>
            <translation>Gevinstene vises bare som antall. For å vise hva de er verdt, sett enhetsverdier med kilder (kroner per unngått innleggelse, per unngått ambulansetransport …) under Kostnadsdeling → Gevinstmodell, eller her. Alt som regnes ut fra dem vises som et anslag, med forutsetningene.</translation>
        </message>
        <message>
            <source>Treated on the spot</source>
            <translation>Behandlet på stedet</translation>
        </message>
        <message>
            <source>Under the unit values set; assumptions under Valuation</source>
            <translation>Med enhetsverdiene som er satt; forutsetninger under Verdsetting</translation>
        </message>
        <message>
            <source>Unit value</source>
            <translation>Enhetsverdi</translation>
        </message>
        <message>
            <source>Valuation</source>
            <translation>Verdsetting</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Verdi</translation>
        </message>
        <message>
            <source>What the car's tasks led to, as the activity log records each task's outcome; compared with the previous period, %1.</source>
            <translation>Hva bilens oppgaver førte til, slik aktivitetsloggen registrerer utfallet av hver oppgave; sammenlignet med forrige periode, %1.</translation>
        </message>
        <message>
            <source>What the estimate assumes</source>
            <translation>Forutsetninger for anslaget</translation>
        </message>
        <message numerus="yes">
            <source>%n task(s)</source>
            <translation>
                <numerusform>%n oppgave</numerusform>
                <numerusform>%n oppgaver</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OverviewView</name>
        <message>
            <source>Admissions avoided</source>
            <translation>Innleggelser unngått</translation>
        </message>
        <message>
            <source>No tasks in the period.</source>
            <translation>Ingen oppgaver i perioden.</translation>
        </message>
        <message>
            <source>Outcome recorded for %1 of the tasks.</source>
            <translation>Utfall registrert for %1 av oppgavene.</translation>
        </message>
    </context>
    <context>
        <name>UnitValueDialog</name>
        <message>
            <source>Add</source>
            <translation>Legg til</translation>
        </message>
        <message>
            <source>Another outcome, as written in the log</source>
            <translation>Et annet utfall, slik det står i loggen</translation>
        </message>
        <message>
            <source>Counts tasks with the outcome:</source>
            <translation>Teller oppgaver med utfallet:</translation>
        </message>
        <message>
            <source>Give the value a name.</source>
            <translation>Gi verdien et navn.</translation>
        </message>
        <message>
            <source>Kroner per task:</source>
            <translation>Kroner per oppgave:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Navn:</translation>
        </message>
        <message>
            <source>Say where the amount comes from: an estimate needs its source.</source>
            <translation>Si hvor beløpet kommer fra: et anslag trenger en kilde.</translation>
        </message>
        <message>
            <source>Set an amount in kroner.</source>
            <translation>Sett et beløp i kroner.</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Kilde:</translation>
        </message>
        <message>
            <source>Tick at least one outcome the value counts.</source>
            <translation>Kryss av minst ett utfall verdien teller.</translation>
        </message>
        <message>
            <source>Unit value</source>
            <translation>Enhetsverdi</translation>
        </message>
        <message>
            <source>Where the amount comes from, e.g. a report, a price list and its year</source>
            <translation>Hvor beløpet kommer fra, f.eks. en rapport, en prisliste og året</translation>
        </message>
    </context>
</TS>
