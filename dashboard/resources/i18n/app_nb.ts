<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
<context>
    <name>BriefDialog</name>
    <message>
        <source>Export brief</source>
        <translation>Lag notat</translation>
    </message>
    <message>
        <source>Agenda or notes for the meeting (optional)</source>
        <translation>Saksliste eller notater til møtet (valgfritt)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Møtedato</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lagre som</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Save brief as</source>
        <translation>Lagre notatet som</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DbWorker</name>
    <message>
        <source>The database could not be read or changed. Try again.</source>
        <translation>Databasen kunne ikke leses eller endres. Prøv igjen.</translation>
    </message>
    <message>
        <source>The database is in use by another program (process %1). Wait until it is done, or close it, and try again.</source>
        <translation>Databasen er i bruk av et annet program (prosess %1). Vent til det er ferdig, eller lukk det, og prøv igjen.</translation>
    </message>
    <message>
        <source>The database is in use by another program. Wait until it is done, or close it, and try again.</source>
        <translation>Databasen er i bruk av et annet program. Vent til det er ferdig, eller lukk det, og prøv igjen.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Period from</source>
        <translation>Periode fra</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periode til</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Siste måned</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Siste kvartal</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Siste år</translation>
    </message>
    <message>
        <source>Whole project period</source>
        <translation>Hele prosjektperioden</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Egendefinert periode</translation>
    </message>
    <message>
        <source>All subprojects</source>
        <translation>Alle delprosjekter</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Subproject</source>
        <translation>Delprosjekt</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Activity log</source>
        <translation>Aktivitetslogg</translation>
    </message>
    <message>
        <source>Call-outs</source>
        <translation>Utrykninger</translation>
    </message>
    <message>
        <source>Car log</source>
        <translation>Kjørebok</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Målstatus</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Velg filer …</translation>
    </message>
    <message>
        <source>Recognise from the headers</source>
        <translation>Gjenkjenn fra overskriftene</translation>
    </message>
    <message>
        <source>This database is read-only here: importing is switched off.</source>
        <translation>Databasen er skrivebeskyttet her: import er slått av.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <source>What was wrong</source>
        <translation>Hva var galt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Rader lest</translation>
    </message>
    <message>
        <source>New rows</source>
        <translation>Nye rader</translation>
    </message>
    <message>
        <source>SHA-256 (start)</source>
        <translation>SHA-256 (start)</translation>
    </message>
    <message>
        <source>Drop export files here (CSV, TXT or XLSX): activity log, call-outs, car log, goal status, follow-up log, reference values or events. Files are checked before anything is saved; a file with problems changes nothing.</source>
        <translation>Slipp eksportfiler her (CSV, TXT eller XLSX): aktivitetslogg, utrykninger, kjørebok, målstatus, oppfølgingslogg, referanseverdier eller hendelser. Filene kontrolleres før noe lagres; en fil med feil endrer ingenting.</translation>
    </message>
    <message>
        <source>Kind of export</source>
        <translation>Eksporttype</translation>
    </message>
    <message>
        <source>Imports so far</source>
        <translation>Importer hittil</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancelled while importing %1: that file changed nothing.</source>
        <translation>Avbrutt under import av %1: den filen endret ingenting.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Ikke importert: %1</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>Importen mislyktes: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows, all imported before – nothing changed.</source>
        <translation>%1 (%2): %3 rader, alle importert før – ingen endring.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows read, %4 new.</source>
        <translation>%1 (%2): %3 rader lest, %4 nye.</translation>
    </message>
    <message>
        <source>Refused: %1. Nothing from these files was saved; fix the rows below.</source>
        <translation>Avvist: %1. Ingenting fra disse filene ble lagret; rett radene nedenfor.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>%1. The settings in force are kept until it is corrected.</source>
        <translation>%1. Innstillingene som gjelder nå, beholdes til det er rettet.</translation>
    </message>
    <message>
        <source>Summing the figures for the new staffed hours…</source>
        <translation>Summerer tallene for den nye bemannede tiden …</translation>
    </message>
    <message>
        <source>The goal register was changed outside this window – updated</source>
        <translation>Målregisteret er endret utenfor vinduet – oppdatert</translation>
    </message>
    <message>
        <source>Numbers behind the charts</source>
        <translation>Tallene bak diagrammene</translation>
    </message>
    <message>
        <source>New data imported outside this window – updated</source>
        <translation>Nye data importert utenfor vinduet – oppdatert</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Visninger</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer filer …</translation>
    </message>
    <message>
        <source>&amp;Export brief…</source>
        <translation>&amp;Lag notat …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Verktøylinje</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>DEMODATA</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>skrivebeskyttet</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Demodatabase</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Demo data: made-up figures for trying the program. Your first import is saved in your own database, and the window switches to it; demo data never mixes with yours.</source>
        <translation>Demodata: oppdiktede tall til utprøving. Den første importen din lagres i din egen database, og vinduet bytter til den; demodata blandes aldri med dine data.</translation>
    </message>
    <message>
        <source>Data up to %1</source>
        <translation>Data til og med %1</translation>
    </message>
    <message>
        <source>last import %1</source>
        <translation>sist importert %1</translation>
    </message>
    <message>
        <source>Updating the figures…</source>
        <translation>Oppdaterer tallene …</translation>
    </message>
    <message>
        <source>%1 could not be updated: %2</source>
        <translation>%1 kunne ikke oppdateres: %2</translation>
    </message>
    <message>
        <source>Update cancelled: some figures may still be for the previous choice.</source>
        <translation>Oppdateringen ble avbrutt: noen tall kan fortsatt gjelde det forrige valget.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose export files</source>
        <translation>Velg eksportfiler</translation>
    </message>
    <message>
        <source>Export files (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Eksportfiler (*.csv *.txt *.xlsx);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerer …</translation>
    </message>
    <message>
        <source>the files</source>
        <translation>filene</translation>
    </message>
    <message>
        <source>Switched to your own database: %1</source>
        <translation>Byttet til din egen database: %1</translation>
    </message>
    <message>
        <source>Export brief</source>
        <translation>Lag notat</translation>
    </message>
    <message>
        <source>Writing the brief…</source>
        <translation>Skriver notatet …</translation>
    </message>
    <message>
        <source>Brief saved: %1</source>
        <translation>Notatet er lagret: %1</translation>
    </message>
    <message>
        <source>About Helsevakt-dashboard</source>
        <translation>Om Helsevakt-dashboard</translation>
    </message>
    <message>
        <source>Helsevakt-dashboard shows the steering group what the health-watch car at Røros does: task mix, call-outs, car use, goals and cost sharing.</source>
        <translation>Helsevakt-dashboard viser styringsgruppen hva helsevaktbilen på Røros gjør: oppgavemiks, utrykninger, bilbruk, mål og kostnadsdeling.</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>Ta sikkerhets&amp;kopi …</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Gjenopprett fra sikkerhetskopi …</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Ta sikkerhetskopi</translation>
    </message>
    <message>
        <source>Databases (*.duckdb)</source>
        <translation>Databaser (*.duckdb)</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Sikkerhetskopi lagret: %1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Gjenopprett fra sikkerhetskopi</translation>
    </message>
    <message>
        <source>Databases (*.duckdb);;All files (*)</source>
        <translation>Databaser (*.duckdb);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Replace %1 with the backup %2? The database as it is now is kept beside it.</source>
        <translation>Erstatte %1 med sikkerhetskopien %2? Databasen slik den er nå, beholdes ved siden av.</translation>
    </message>
    <message>
        <source>Restored from %1.</source>
        <translation>Gjenopprettet fra %1.</translation>
    </message>
    <message>
        <source>The previous database is kept as %1.</source>
        <translation>Den forrige databasen er beholdt som %1.</translation>
    </message>
</context>
<context>
    <name>MetricCard</name>
    <message>
        <source>No data for the previous period</source>
        <translation>Ingen data for forrige periode</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Forrige periode: %1</translation>
    </message>
    <message>
        <source>%1 percentage points</source>
        <translation>%1 prosentpoeng</translation>
    </message>
    <message>
        <source>Unchanged from %1 in the previous period</source>
        <translation>Uendret fra %1 i forrige periode</translation>
    </message>
    <message>
        <source>%1 from %2 in the previous period</source>
        <translation>%1 fra %2 i forrige periode</translation>
    </message>
    <message>
        <source>Trend line: %1 to %2, per month</source>
        <translation>Trendlinje: %1 til %2, per måned</translation>
    </message>
    <message>
        <source>The last month is not over yet (dotted line).</source>
        <translation>Siste måned er ikke over ennå (prikket linje).</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Tasks done</source>
        <translation>Utførte oppgaver</translation>
    </message>
    <message>
        <source>Hours on tasks</source>
        <translation>Timer med oppgaver</translation>
    </message>
    <message>
        <source>Hours for municipal services</source>
        <translation>Timer for kommunale tjenester</translation>
    </message>
    <message>
        <source>Call-outs</source>
        <translation>Utrykninger</translation>
    </message>
    <message>
        <source>Acute call-outs</source>
        <translation>Akutte utrykninger</translation>
    </message>
    <message>
        <source>Acute call-outs with a doctor</source>
        <translation>Akutte utrykninger med lege</translation>
    </message>
    <message>
        <source>Car trips after %1</source>
        <translation>Bilturer etter %1</translation>
    </message>
    <message>
        <source>Car hours after %1</source>
        <translation>Biltimer etter %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>%1, compared with the previous period, %2.</source>
        <translation>%1, sammenlignet med forrige periode, %2.</translation>
    </message>
    <message>
        <source>The car log has no subproject or municipality: all trips.</source>
        <translation>Kjøreboken har ikke delprosjekt eller kommune: alle turer.</translation>
    </message>
    <message>
        <source>Call-outs have no subproject: all subprojects.</source>
        <translation>Utrykninger har ikke delprosjekt: alle delprosjekter.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>As last time</source>
        <translation>Som sist</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Car staffed from</source>
        <translation>Bilen bemannet fra</translation>
    </message>
    <message>
        <source>Car staffed until</source>
        <translation>Bilen bemannet til</translation>
    </message>
    <message>
        <source>Hide counts below (brief)</source>
        <translation>Skjul antall under (notat)</translation>
    </message>
    <message>
        <source>Default period</source>
        <translation>Standardperiode</translation>
    </message>
    <message>
        <source>A new language takes effect the next time the program starts.</source>
        <translation>Nytt språk tas i bruk neste gang programmet startes.</translation>
    </message>
</context>
</TS>