<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ChangeItemDialog</name>
    <message>
        <source>Applies from:</source>
        <translation>Gjelder fra:</translation>
    </message>
    <message>
        <source>Change item</source>
        <translation>Endre sak</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Sak:</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Møte:</translation>
    </message>
    <message>
        <source>The earlier state is kept in the item's history.</source>
        <translation>Det som sto før, tas vare på i sakens historikk.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Nothing entered here to undo.</source>
        <translation>Ingenting registrert her å angre.</translation>
    </message>
    <message>
        <source>the new item «%1» of the meeting on %2</source>
        <translation>den nye saken «%1» fra møtet %2</translation>
    </message>
    <message>
        <source>the change of «%1» from %2 (%3)</source>
        <translation>endringen av «%1» som gjelder fra %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1 (%n sak)</numerusform>
            <numerusform>%1 (%n saker)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) exported to %1.</source>
        <translation>
            <numerusform>%n sak eksportert til %1.</numerusform>
            <numerusform>%n saker eksportert til %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s), %1 of them overdue on %2. The log is shown as it stands now: the period chosen above does not apply to it.</source>
        <translation>
            <numerusform>%n åpen sak, %1 av dem forfalt per %2. Loggen vises slik den står nå: perioden valgt over gjelder ikke for den.</numerusform>
            <numerusform>%n åpne saker, %1 av dem forfalt per %2. Loggen vises slik den står nå: perioden valgt over gjelder ikke for den.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a decision or follow-up item of a meeting.</source>
        <translation>Legg til et vedtak eller et oppfølgingspunkt fra et møte.</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle saker</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Alle møter</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>Gjelder fra</translation>
    </message>
    <message>
        <source>CSV, semicolon separated (*.csv)</source>
        <translation>CSV, semikolonseparert (*.csv)</translation>
    </message>
    <message>
        <source>Change item…</source>
        <translation>Endre sak…</translation>
    </message>
    <message>
        <source>Change the status, deadline or comment of the chosen item.</source>
        <translation>Endre status, frist eller kommentar for den valgte saken.</translation>
    </message>
    <message>
        <source>Choose an item to see its history.</source>
        <translation>Velg en sak for å se historikken.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Could not export the log: %1</source>
        <translation>Kunne ikke eksportere loggen: %1</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Vedtak</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Utgår</translation>
    </message>
    <message>
        <source>Entered here</source>
        <translation>Registrert her</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbeidsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Export follow-up log</source>
        <translation>Eksporter oppfølgingsloggen</translation>
    </message>
    <message>
        <source>Export log…</source>
        <translation>Eksporter loggen…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
    <message>
        <source>History of the chosen item</source>
        <translation>Historikken til den valgte saken</translation>
    </message>
    <message>
        <source>History of: %1</source>
        <translation>Historikk for: %1</translation>
    </message>
    <message>
        <source>Import of %1</source>
        <translation>Import av %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Saker</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møte</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Møte:</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>Ny sak…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Åpne saker</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrert av</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The change is saved; the earlier state is kept.</source>
        <translation>Endringen er lagret; det som sto før, er tatt vare på.</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>Endringen ble ikke lagret: %1</translation>
    </message>
    <message>
        <source>The database file is read-only for you (its permissions do not let you change it): the follow-up log cannot be changed here.</source>
        <translation>Databasefilen er skrivebeskyttet for deg (rettighetene lar deg ikke endre den): oppfølgingsloggen kan ikke endres her.</translation>
    </message>
    <message>
        <source>The follow-up log is empty. Add the items of a meeting with «New item…», or import the log the group keeps (Import, kind Follow-up log).</source>
        <translation>Oppfølgingsloggen er tom. Legg inn sakene fra et møte med «Ny sak…», eller importer loggen gruppen fører (Import, type Oppfølgingslogg).</translation>
    </message>
    <message>
        <source>The item is added to the meeting on %1.</source>
        <translation>Saken er lagt til møtet %1.</translation>
    </message>
    <message>
        <source>Write every item to an Excel or CSV file that can be imported again.</source>
        <translation>Skriv alle sakene til en Excel- eller CSV-fil som kan importeres igjen.</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Follow-up log</source>
        <translation>Oppfølgingslogg</translation>
    </message>
</context>
<context>
    <name>NewItemDialog</name>
    <message>
        <source>Item</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Sak:</translation>
    </message>
    <message>
        <source>Meeting date:</source>
        <translation>Møtedato:</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Ny sak</translation>
    </message>
    <message>
        <source>What the meeting decided or asked for</source>
        <translation>Hva møtet vedtok eller ba om</translation>
    </message>
</context>
<context>
    <name>StateFields</name>
    <message>
        <source>A role or a name, as the group writes it</source>
        <translation>En rolle eller et navn, slik gruppen skriver det</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Deadline date</source>
        <translation>Fristdato</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Har frist</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ansvarlig:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Undo last change</source>
        <translation>Angre siste endring</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Angre: %1</translation>
    </message>
    <message>
        <source>recorded %1 by %2</source>
        <translation>registrert %1 av %2</translation>
    </message>
    <message>
        <source>Undo %1?</source>
        <translation>Angre %1?</translation>
    </message>
    <message>
        <source>The last change is undone.</source>
        <translation>Siste endring er angret.</translation>
    </message>
</context>
</TS>
