<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Access</name>
    <message>
        <source>%1 (owner of this database file)</source>
        <translation>%1 (propriétaire de ce fichier de base de données)</translation>
    </message>
    <message>
        <source>%1 (database owner)</source>
        <translation>%1 (propriétaire de la base de données)</translation>
    </message>
    <message>
        <source>%1 (no DST Desktop role)</source>
        <translation>%1 (sans rôle DST Desktop)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>A database file on this computer: its owner may do everything, and the audit log records your user name.</source>
        <translation>Un fichier de base de données sur cet ordinateur&#xa0;: son propriétaire peut tout faire, et le journal d’audit enregistre votre nom d’utilisateur.</translation>
    </message>
    <message>
        <source>May do everything: bookings, confirmations, missions, reference data, snapshots and users.</source>
        <translation>Peut tout faire&#xa0;: réservations, confirmations, missions, données de référence, instantanés et utilisateurs.</translation>
    </message>
    <message>
        <source>May book, confirm, follow missions and import event bookings; reference data and snapshots need the admin role.</source>
        <translation>Peut réserver, confirmer, suivre les missions et importer les réservations d’événement&#xa0;; les données de référence et les instantanés demandent le rôle admin.</translation>
    </message>
    <message>
        <source>May check availability, create, change and cancel booking requests, print and export; confirming and missions need the planner role.</source>
        <translation>Peut vérifier les disponibilités, créer, modifier et annuler des demandes, imprimer et exporter&#xa0;; la confirmation et les missions demandent le rôle planner.</translation>
    </message>
    <message>
        <source>This login has no DST Desktop role: ask an administrator for one.</source>
        <translation>Cet identifiant n’a pas de rôle DST Desktop&#xa0;: demandez-en un à un administrateur.</translation>
    </message>
    <message>
        <source>%1 needs the %2 role; you are %3.</source>
        <translation>%1 demande le rôle %2&#xa0;; vous êtes %3.</translation>
    </message>
    <message>
        <source>The mission steps need the %1 role; you are %2.</source>
        <translation>Les étapes de mission demandent le rôle %1&#xa0;; vous êtes %2.</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <source>Close this window (Esc)</source>
        <translation>Fermer cette fenêtre (Échap)</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>Fermer sans rien changer (Échap)</translation>
    </message>
    <message>
        <source>Apply and close (Enter)</source>
        <translation>Appliquer et fermer (Entrée)</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Booking requested</source>
        <translation>Réservation demandée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Pending booking cancelled</source>
        <translation>Demande annulée</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Reference data imported</source>
        <translation>Données de référence importées</translation>
    </message>
    <message>
        <source>Imported from an event</source>
        <translation>Importée depuis un événement</translation>
    </message>
    <message>
        <source>Request corrected</source>
        <translation>Demande corrigée</translation>
    </message>
    <message>
        <source>Rescheduled to another day</source>
        <translation>Reportée à un autre jour</translation>
    </message>
    <message>
        <source>Rescheduled from another day</source>
        <translation>Reportée depuis un autre jour</translation>
    </message>
    <message>
        <source>Reallocated</source>
        <translation>Réattribuée</translation>
    </message>
    <message>
        <source>Mission cancelled</source>
        <translation>Mission annulée</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>When</source>
        <extracomment>The most entries the window lists at once (the newest); the filters reach older ones. The period the window opens on: the last 30 days. Actions the filter offers (an entry of any other action is still listed).</extracomment>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Please check the filters: %1</source>
        <translation>Vérifiez les filtres&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>Le journal d’audit ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>No entry matches these filters.</source>
        <translation>Aucune entrée ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>The newest %1 entries are shown: narrow the filters to see older ones.</source>
        <translation>Les %1 entrées les plus récentes sont affichées&#xa0;: resserrez les filtres pour voir les plus anciennes.</translation>
    </message>
    <message>
        <source>%1 entry.</source>
        <translation>%1 entrée.</translation>
    </message>
    <message>
        <source>%1 entries.</source>
        <translation>%1 entrées.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>outcome: %1</source>
        <translation>résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 added, %2 updated</source>
        <translation>%1 ajoutées, %2 mises à jour</translation>
    </message>
    <message>
        <source>%1 imported, %2 already present, %3 rejected</source>
        <translation>%1 importées, %2 déjà présentes, %3 refusées</translation>
    </message>
    <message>
        <source>“%1”, %2 allocations</source>
        <translation>«&#xa0;%1&#xa0;», %2 attributions</translation>
    </message>
    <message>
        <source>%1 bookings</source>
        <translation>%1 réservations</translation>
    </message>
    <message>
        <source>%1 sessions, %2 pending</source>
        <translation>%1 sessions, dont %2 en attente</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <source>Audit log</source>
        <extracomment>Typing in a filter lists again once the typing pauses this long.</extracomment>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Session reference</source>
        <translation>Référence de la session</translation>
    </message>
    <message>
        <source>Who (login)</source>
        <translation>Qui (identifiant)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the entries shown as an Excel workbook or CSV</source>
        <translation>Enregistrer les entrées affichées en classeur Excel ou en CSV</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Session&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Qui&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>Qu&amp;oi&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>AvailabilityPanelWidget</name>
    <message>
        <source>Availability</source>
        <extracomment>The spin box stops far below the service&apos;s own bound; no session is that large. The free dates always shown when there are that many; more when the row has room. The verdict&apos;s column is at least this wide (px): its longest texts take two lines. The availability panel has room for this many lines of text.</extracomment>
        <translation>Disponibilité</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>This database is on a server: its administrator keeps and restores its backups (pg_dump and pg_restore).</source>
        <translation>Cette base de données est sur un serveur&#xa0;: son administrateur en garde et en restaure les sauvegardes (pg_dump et pg_restore).</translation>
    </message>
    <message>
        <source>Keeping today&apos;s backup of the database…</source>
        <translation>Sauvegarde du jour de la base de données…</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Sauvegarde automatique</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made, and the earlier backups were kept as they are.

%1</source>
        <translation>La sauvegarde automatique du jour n’a pas pu être faite&#x202f;; les sauvegardes précédentes sont gardées telles quelles.

%1</translation>
    </message>
    <message>
        <source>Today&apos;s backup was kept in %1.</source>
        <translation>La sauvegarde du jour est gardée dans %1.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Another backup file…</source>
        <translation>Un autre fichier de sauvegarde…</translation>
    </message>
    <message>
        <source>Which backup should the database go back to?</source>
        <translation>À quelle sauvegarde la base de données doit-elle revenir&#x202f;?</translation>
    </message>
    <message>
        <source>Database backup</source>
        <translation>Sauvegarde de base de données</translation>
    </message>
    <message>
        <source>Replace everything this database holds by the backup %1?

Bookings made since that backup disappear from the database. What it holds now is kept as a backup of its own, so nothing is lost.</source>
        <translation>Remplacer tout le contenu de cette base de données par la sauvegarde %1&#x202f;?

Les réservations faites depuis cette sauvegarde disparaissent de la base. Son contenu actuel est gardé comme une sauvegarde à part&#xa0;: rien n’est perdu.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>The database now holds the backup %2, with %1 booking.</source>
        <translation>La base de données contient maintenant la sauvegarde %2, avec %1 réservation.</translation>
    </message>
    <message>
        <source>The database now holds the backup %2, with %1 bookings.</source>
        <translation>La base de données contient maintenant la sauvegarde %2, avec %1 réservations.</translation>
    </message>
    <message>
        <source>What it held before is kept in %1.</source>
        <translation>Son contenu précédent est gardé dans %1.</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>La sauvegarde a été restaurée.</translation>
    </message>
    <message>
        <source>%1 (%2 MB)</source>
        <translation>%1 (%2 Mo)</translation>
    </message>
    <message>
        <source>%1

Go back to the backup of %2? Bookings made since then disappear from the database; what it holds now is kept as a backup of its own.</source>
        <translation>%1

Revenir à la sauvegarde du %2&#x202f;? Les réservations faites depuis disparaissent de la base&#x202f;; son contenu actuel est gardé comme une sauvegarde à part.</translation>
    </message>
</context>
<context>
    <name>BookingChanges</name>
    <message>
        <source>This booking no longer exists: it may have been cancelled from another workstation.</source>
        <translation>Cette réservation n’existe plus : elle a peut-être été annulée depuis un autre poste.</translation>
    </message>
    <message>
        <source>Edit pending booking</source>
        <translation>Modifier la demande</translation>
    </message>
    <message>
        <source>Only a booking awaiting confirmation can be edited; a confirmed one can be rescheduled from its details.</source>
        <translation>Seule une demande en attente de confirmation peut être modifiée ; une réservation confirmée peut être reportée depuis son détail.</translation>
    </message>
    <message>
        <source>%1 — %2, requested on %3</source>
        <translation>%1 — %2, demandée le %3</translation>
    </message>
    <message>
        <source>%1 (up to %2)</source>
        <translation>%1 (jusqu’à %2)</translation>
    </message>
    <message>
        <source>Reschedule session</source>
        <translation>Reporter la session</translation>
    </message>
    <message>
        <source>%1 is booked for %2. Choose the new day: the figures are the setups still free. The session moves with a setup and an operator of that day; the original booking is kept, cancelled.</source>
        <translation>%1 est réservée pour le %2. Choisissez le nouveau jour : les chiffres sont les setups encore libres. La session part avec un setup et un opérateur de ce jour-là ; la réservation d’origine est conservée, annulée.</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>✓ %1: %2, run by %3.</source>
        <translation>✓ %1 : %2, animée par %3.</translation>
    </message>
    <message>
        <source>Reschedule it from its details, or cancel it with the client.</source>
        <translation>Reportez-la depuis son détail, ou annulez-la avec le client.</translation>
    </message>
    <message>
        <source>✗ %1: not reallocated. %2</source>
        <translation>✗ %1 : non réattribuée. %2</translation>
    </message>
    <message>
        <source>%2 leaves %1 confirmed session on a setup or operator that cannot serve it. Reallocate it to a free one of the same day?</source>
        <translation>%2 laisse %1 session confirmée sur un setup ou un opérateur qui ne peut pas l’assurer. La réattribuer à un setup ou un opérateur libre le même jour ?</translation>
    </message>
    <message>
        <source>%2 leaves %1 confirmed sessions on a setup or operator that cannot serve them. Reallocate them to free ones of the same day?</source>
        <translation>%2 laisse %1 sessions confirmées sur un setup ou un opérateur qui ne peut pas les assurer. Les réattribuer à des setups ou opérateurs libres le même jour ?</translation>
    </message>
    <message>
        <source>Sessions to reallocate</source>
        <translation>Sessions à réattribuer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 of %2 reallocated.</source>
        <translation>%1 sur %2 réattribuée(s).</translation>
    </message>
</context>
<context>
    <name>BookingDetails</name>
    <message>
        <source>Booking not found</source>
        <extracomment>Cancelling actions are shown apart from the others. Why the action cannot be used in this database (&quot;&quot;: it can).</extracomment>
        <translation>Réservation introuvable</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (up to %2)</source>
        <translation>%1 (jusqu’à %2)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>%1 (at most %2)</source>
        <translation>%1 (%2 au maximum)</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>allocated at confirmation</source>
        <translation>attribué à la confirmation</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandée le</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée le</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée le</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencée le</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée le</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Motif de l’annulation</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Rescheduled from</source>
        <translation>Reportée depuis</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>%1 of %2 requested</source>
        <translation>%1 sur %2 demandés</translation>
    </message>
    <message>
        <source>Completion notes</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>modifié : %1</translation>
    </message>
    <message>
        <source>was on %1</source>
        <translation>était le %1</translation>
    </message>
    <message>
        <source>taken on %1</source>
        <translation>prise sur %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Confirm booking</source>
        <translation>Confirmer la réservation</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>Annuler la réservation…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reporter…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 le %2</translation>
    </message>
    <message>
        <source>Booking not confirmed</source>
        <translation>Réservation non confirmée</translation>
    </message>
    <message>
        <source>Confirmed with %1, run by %2.</source>
        <translation>Confirmée avec %1, animée par %2.</translation>
    </message>
    <message>
        <source>Booking updated.</source>
        <translation>Réservation modifiée.</translation>
    </message>
    <message>
        <source>Rescheduled to %1 with %2, run by %3. The booking of %4 is kept, cancelled, under %5.</source>
        <translation>Reportée au %1 avec %2, animée par %3. La réservation du %4 est conservée, annulée, sous %5.</translation>
    </message>
    <message>
        <source>Cancel pending booking</source>
        <translation>Annuler la demande</translation>
    </message>
    <message>
        <source>Cancel the pending booking of %1? It will be deleted; the audit log keeps a trace of it.</source>
        <translation>Annuler la demande de réservation de %1&#x202f;? Elle sera supprimée&#x202f;; le journal d’audit en garde la trace.</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Annuler la réservation</translation>
    </message>
    <message>
        <source>Booking not cancelled</source>
        <translation>Réservation non annulée</translation>
    </message>
    <message>
        <source>The pending booking was cancelled and deleted.</source>
        <translation>La demande de réservation a été annulée et supprimée.</translation>
    </message>
    <message>
        <source>Cancel mission</source>
        <translation>Annuler la mission</translation>
    </message>
    <message>
        <source>Why is the session of %1 cancelled? Its setup and operator will be free again.</source>
        <translation>Pourquoi la session de %1 est-elle annulée&#x202f;? Son setup et son opérateur redeviendront libres.</translation>
    </message>
    <message>
        <source>Cancel the mission</source>
        <translation>Annuler la mission</translation>
    </message>
    <message>
        <source>Mission not cancelled</source>
        <translation>Mission non annulée</translation>
    </message>
    <message>
        <source>A reason is needed to cancel a mission.</source>
        <translation>Un motif est nécessaire pour annuler une mission.</translation>
    </message>
    <message>
        <source>Mission cancelled: its setup and operator are free again.</source>
        <translation>Mission annulée&#xa0;: son setup et son opérateur sont de nouveau libres.</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marquer terminée</translation>
    </message>
    <message>
        <source>The session of %1 is planned for %2, which has not come yet. Mark it completed already?</source>
        <translation>La session de %1 est prévue le %2, qui n’est pas encore arrivé. La marquer déjà terminée ?</translation>
    </message>
    <message>
        <source>How did the session of %1 go?</source>
        <translation>Comment s’est passée la session de %1 ?</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>modules</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>offre</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>Session marked completed.</source>
        <translation>Session marquée terminée.</translation>
    </message>
    <message>
        <source>Start mission</source>
        <translation>Commencer la mission</translation>
    </message>
    <message>
        <source>The session of %1 is planned for %2, which has not come yet. Start it already?</source>
        <translation>La session de %1 est prévue le %2, qui n’est pas encore arrivé. La commencer déjà ?</translation>
    </message>
    <message>
        <source>Session started.</source>
        <translation>Session commencée.</translation>
    </message>
    <message>
        <source>Session scheduled.</source>
        <translation>Session planifiée.</translation>
    </message>
    <message>
        <source>Action refused</source>
        <translation>Action refusée</translation>
    </message>
</context>
<context>
    <name>BookingDetailsDialog</name>
    <message>
        <source>Booking details</source>
        <extracomment>The keys of the dialog&apos;s actions (shown in their tooltips).</extracomment>
        <translation>Détail de la réservation</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Every step of the booking: when, who, what, with the details.</source>
        <translation>Chaque étape de la réservation&#xa0;: quand, qui, quoi, avec les détails.</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>Imprimer le récapitulatif…</translation>
    </message>
    <message>
        <source>Preview, print or save as PDF the summary of this booking (%1)</source>
        <translation>Aperçu, impression ou PDF du récapitulatif de cette réservation (%1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this window (Esc)</source>
        <translation>Fermer cette fenêtre (Échap)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>BookingFilterBar</name>
    <message>
        <source>Region filter</source>
        <extracomment>How long typing in a search box pauses before the table is filtered, in milliseconds. How many rows the automatic column widths look at. The height of a row of bookings (px). When the table is too narrow for its columns, none is made narrower than this (px).</extracomment>
        <translation>Filtre par région</translation>
    </message>
    <message>
        <source>Show only the bookings of one region.</source>
        <translation>N’afficher que les réservations d’une région.</translation>
    </message>
    <message>
        <source>Client filter</source>
        <translation>Filtre par client</translation>
    </message>
    <message>
        <source>Show only the bookings of one client.</source>
        <translation>N’afficher que les réservations d’un client.</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre par statut</translation>
    </message>
    <message>
        <source>Show only the bookings in one status.</source>
        <translation>N’afficher que les réservations d’un statut.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Filter by dates</source>
        <translation>Filtrer par dates</translation>
    </message>
    <message>
        <source>Show only the bookings between the two dates that follow.</source>
        <translation>N’afficher que les réservations entre les deux dates qui suivent.</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>The first day shown.</source>
        <translation>Le premier jour affiché.</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>The last day shown.</source>
        <translation>Le dernier jour affiché.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Search client, reference, notes…</source>
        <translation>Chercher un client, une référence, des notes…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Client, reference or notes: the list shows what contains the text.</source>
        <translation>Client, référence ou notes&#xa0;: la liste montre ce qui contient le texte.</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
</context>
<context>
    <name>BookingForm</name>
    <message>
        <source>No region chosen</source>
        <extracomment>How many free dates the form suggests when the chosen day cannot be booked. In an event database, bookings are confirmed at the office later. Working on the offline copy while the server is away (SPEC 11).</extracomment>
        <translation>Aucune région choisie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Free dates:</source>
        <translation>Dates libres&#xa0;:</translation>
    </message>
    <message>
        <source>No free date in the next twelve months.</source>
        <translation>Aucune date libre dans les douze prochains mois.</translation>
    </message>
    <message>
        <source>The availability panel explains why this booking is not possible.</source>
        <translation>Le cadre de disponibilité explique pourquoi cette réservation est impossible.</translation>
    </message>
    <message>
        <source>Choose the client first.</source>
        <translation>Choisissez d’abord le client.</translation>
    </message>
    <message>
        <source>Choose a region.</source>
        <translation>Choisissez une région.</translation>
    </message>
    <message>
        <source>This day is past.</source>
        <translation>Ce jour est passé.</translation>
    </message>
    <message>
        <source>Tick at least one module to check this day.</source>
        <translation>Cochez au moins un module pour vérifier ce jour.</translation>
    </message>
    <message>
        <source>Setups available: %1 of %2</source>
        <translation>Setups disponibles&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Setups free: %1 · operators free: %2</source>
        <translation>Setups libres&#xa0;: %1 · opérateurs libres&#xa0;: %2</translation>
    </message>
    <message>
        <source>Participants: %1 of %2 at most</source>
        <translation>Participants&#xa0;: %1 sur %2 au maximum</translation>
    </message>
    <message>
        <source>This day is free: choose the client.</source>
        <translation>Ce jour est libre&#xa0;: choisissez le client.</translation>
    </message>
    <message>
        <source>This booking can be made.</source>
        <translation>Cette réservation est possible.</translation>
    </message>
    <message>
        <source>No operator is free on this day.</source>
        <translation>Aucun opérateur n’est libre ce jour-là.</translation>
    </message>
    <message>
        <source>No setup is free on this day.</source>
        <translation>Aucun setup n’est libre ce jour-là.</translation>
    </message>
    <message>
        <source>Too many participants: %1 at most with these modules (limited by %2).</source>
        <translation>Trop de participants&#xa0;: %1 au maximum avec ces modules (limité par %2).</translation>
    </message>
    <message>
        <source>Booking not created</source>
        <translation>Réservation non créée</translation>
    </message>
    <message>
        <source>Booking for %1 on %2 kept on this workstation: it is sent to the server as soon as the server is back.</source>
        <translation>Réservation de %1 pour le %2 gardée sur ce poste : elle sera envoyée au serveur dès son retour.</translation>
    </message>
    <message>
        <source>Booking for %1 on %2 taken: the office confirms it after File ▸ Export event bookings.</source>
        <translation>Réservation de %1 pour le %2 enregistrée&#xa0;: le bureau la confirmera après Fichier ▸ Exporter les réservations d’événement.</translation>
    </message>
    <message>
        <source>Booking for %1 on %2 created: it waits in the pending queue.</source>
        <translation>Réservation de %1 pour le %2 créée&#xa0;: elle attend dans la file des demandes.</translation>
    </message>
    <message>
        <source>Booking</source>
        <extracomment>&quot;New client…&quot; was pressed; the text typed in the client box when it names no client. Enter was pressed in a field while &quot;Create booking&quot; cannot be used: why not.</extracomment>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Type to search clients…</source>
        <translation>Tapez pour chercher un client…</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Nouveau client…</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>New client…: add a client who is not in the list yet (name, e-mail, phone).</source>
        <translation>Nouveau client…&#xa0;: ajouter un client qui n’est pas encore dans la liste (nom, e-mail, téléphone).</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Type part of the client&apos;s name: the list shows the clients that match.</source>
        <translation>Tapez une partie du nom du client&#xa0;: la liste montre les clients correspondants.</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>&amp;Participants&#xa0;:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>How many people take part; the modules chosen limit the number.</source>
        <translation>Le nombre de participants&#xa0;; les modules choisis le limitent.</translation>
    </message>
    <message>
        <source>&amp;Offer:</source>
        <translation>&amp;Offre&#xa0;:</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>The commercial offer the booking refers to, if any.</source>
        <translation>L’offre commerciale de la réservation, s’il y en a une.</translation>
    </message>
    <message>
        <source>Optional: site address, contact on the day…</source>
        <translation>Facultatif&#xa0;: adresse du site, contact sur place…</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Site address, contact on the day… Enter starts a new line; Tab moves on.</source>
        <translation>Adresse du site, contact sur place… Entrée commence une ligne&#xa0;; Tab passe au champ suivant.</translation>
    </message>
    <message>
        <source>Create booking</source>
        <translation>Créer la réservation</translation>
    </message>
    <message>
        <source>No offer</source>
        <extracomment>Why &quot;Create booking&quot; cannot be used (&quot;&quot; when it can). The button&apos;s tooltip when it can be used (the window&apos;s command sets it).</extracomment>
        <translation>Sans offre</translation>
    </message>
</context>
<context>
    <name>BookingList</name>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 le %2 (%3)</translation>
    </message>
    <message>
        <source>%1 · %2 selected</source>
        <extracomment>The browser shows at most this many sessions; narrower filters show the rest. Bookings changed elsewhere that a list reads again one by one; more: the whole list. Whether the last read stopped at the list&apos;s limit (more sessions match). A hidden list is not read until it is shown (a tab nobody opened costs nothing). Runs a read away from the window&apos;s thread (catching up with others&apos; changes); None: read at once.</extracomment>
        <translation>%1 · %2 sélectionnées</translation>
    </message>
</context>
<context>
    <name>BookingSource</name>
    <message>
        <source>Client portal</source>
        <translation>Portail client</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Back-office</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Event (%1)</source>
        <translation>Événement (%1)</translation>
    </message>
    <message>
        <source>Offline (%1)</source>
        <translation>Hors ligne (%1)</translation>
    </message>
</context>
<context>
    <name>BookingTable</name>
    <message>
        <source>Date</source>
        <extracomment>The typed value behind each cell where it has one (a date, a local moment), for spreadsheets; None where the text is all there is. Why the row needs attention (a request whose day has passed), shown on its date.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandée le</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 — day passed</source>
        <translation>%1 — jour passé</translation>
    </message>
    <message>
        <source>The day of this request has passed: it cannot be confirmed. Edit it to move it to another day, or cancel it.</source>
        <translation>Le jour de cette demande est passé : elle ne peut pas être confirmée. Modifiez-la pour la déplacer à un autre jour, ou annulez-la.</translation>
    </message>
</context>
<context>
    <name>BookingsBrowser</name>
    <message>
        <source>The first %1 bookings are shown: narrow the filters.</source>
        <translation>Seules les %1 premières réservations sont affichées&#xa0;: affinez les filtres.</translation>
    </message>
    <message>
        <source>No booking matches the filters.</source>
        <translation>Aucune réservation ne correspond aux filtres.</translation>
    </message>
    <message>
        <source>%1 booking</source>
        <translation>%1 réservation</translation>
    </message>
    <message>
        <source>%1 bookings</source>
        <translation>%1 réservations</translation>
    </message>
</context>
<context>
    <name>BookingsBrowserPanel</name>
    <message>
        <source>All bookings</source>
        <translation>Toutes les réservations</translation>
    </message>
    <message>
        <source>Every booking the filters select. The arrow keys select, Enter opens the booking, Tab goes to the buttons.</source>
        <translation>Chaque réservation retenue par les filtres. Les flèches sélectionnent, Entrée ouvre la réservation, Tab va aux boutons.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>This day is past.</source>
        <extracomment>What the cell shows: the number of setups still available (&quot;&quot; for past days).</extracomment>
        <translation>Ce jour est passé.</translation>
    </message>
    <message>
        <source>%1 of %2 setups can still be booked (%3 free, %4 operators free).</source>
        <translation>%1 setups sur %2 encore réservables (%3 libres, %4 opérateurs libres).</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>Where and when</source>
        <extracomment>Seven columns of days and six weeks, with the figure of each day beside its number. Where each day was last painted, for its tooltip.</extracomment>
        <translation>Où et quand</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The region of the booking: the calendar shows its free setups.</source>
        <translation>La région de la réservation&#xa0;: le calendrier montre ses setups libres.</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région&#xa0;:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Each day shows how many setups are still free: green several, amber one, red none, grey a past day. The arrow keys move the day, Page Up and Page Down the month.</source>
        <translation>Chaque jour indique combien de setups sont encore libres&#xa0;: vert plusieurs, orange un seul, rouge aucun, gris un jour passé. Les flèches changent de jour, Page préc. et Page suiv. de mois.</translation>
    </message>
    <message>
        <source>2 or more setups free</source>
        <translation>2 setups libres ou plus</translation>
    </message>
    <message>
        <source>1 setup free</source>
        <translation>1 setup libre</translation>
    </message>
    <message>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>past</source>
        <translation>passé</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source> of %1 requested</source>
        <translation> sur %1 demandés</translation>
    </message>
    <message>
        <source>&amp;Attended:</source>
        <translation>&amp;Présents :</translation>
    </message>
    <message>
        <source>How it went, incidents, what to remember next time</source>
        <translation>Déroulement, incidents, ce qu’il faut retenir pour la prochaine fois</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marquer terminée</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>%1 is out of service</source>
        <translation>%1 est hors service</translation>
    </message>
    <message>
        <source>%1 is now based in another region</source>
        <translation>%1 est maintenant basé dans une autre région</translation>
    </message>
    <message>
        <source>%1 is in maintenance that day</source>
        <translation>%1 est en maintenance ce jour-là</translation>
    </message>
    <message>
        <source>%1 is no longer active</source>
        <translation>%1 n’est plus en activité</translation>
    </message>
    <message>
        <source>%1 now works in another region</source>
        <translation>%1 travaille maintenant dans une autre région</translation>
    </message>
    <message>
        <source>%1 is on leave that day</source>
        <translation>%1 est en congé ce jour-là</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>Why the session cannot be reallocated from here (&quot;&quot;: it can). The session&apos;s day, for exports that keep dates as dates. Why reallocation is unavailable in this database (&quot;&quot;: it is available).</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>The mission is %1: it keeps its setup and operator.</source>
        <translation>La mission est « %1 » : elle garde son setup et son opérateur.</translation>
    </message>
    <message>
        <source>%1 session is on a setup or operator that cannot serve it: reallocate it to a free one of the same day, or reschedule it.</source>
        <translation>%1 session est sur un setup ou un opérateur qui ne peut pas l’assurer : réattribuez-la à un setup ou un opérateur libre le même jour, ou reportez-la.</translation>
    </message>
    <message>
        <source>%1 sessions are on a setup or operator that cannot serve them: reallocate them to free ones of the same day, or reschedule them.</source>
        <translation>%1 sessions sont sur un setup ou un opérateur qui ne peut pas les assurer : réattribuez-les à des setups ou opérateurs libres le même jour, ou reportez-les.</translation>
    </message>
    <message>
        <source>No conflict: every coming session can be served.</source>
        <translation>Aucun conflit : toutes les sessions à venir peuvent être assurées.</translation>
    </message>
    <message>
        <source>%1 reallocated, %2 not.</source>
        <translation>%1 réattribuée(s), %2 non.</translation>
    </message>
    <message>
        <source>Reallocation report</source>
        <translation>Compte rendu des réattributions</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <extracomment>The column that says what is wrong (painted in the attention colour). How many sessions need attention: the window shows it on the tab.</extracomment>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <source>Reallocate</source>
        <translation>Réattribuer</translation>
    </message>
    <message>
        <source>Move the selected sessions to free setups or operators of the same day</source>
        <translation>Passer les sessions choisies sur des setups ou opérateurs libres le même jour</translation>
    </message>
    <message>
        <source>Reallocate all</source>
        <translation>Tout réattribuer</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>The e-mail address %1 is not one: write it as name@example.fr.</source>
        <extracomment>The fewest digits of a phone number (short numbers of 4 digits exist inside companies).</extracomment>
        <translation>L’adresse e-mail %1 n’en est pas une&#xa0;: écrivez-la comme nom@exemple.fr.</translation>
    </message>
    <message>
        <source>The phone number %1 is not one: digits, spaces and + ( ) . - only.</source>
        <translation>Le numéro de téléphone %1 n’en est pas un&#xa0;: chiffres, espaces et + ( ) . - seulement.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose the date in a calendar (Alt+Down)</source>
        <extracomment>The date changed (a ``datetime.date``). Enter was pressed on a valid date.</extracomment>
        <translation>Choisir la date dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <source>Choose the date in a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <source>Not a date: type it as %1, or choose it in the calendar.</source>
        <translation>Ce n’est pas une date&#xa0;: tapez-la comme %1, ou choisissez-la dans le calendrier.</translation>
    </message>
</context>
<context>
    <name>EditBookingDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Modules:</source>
        <translation>&amp;Modules :</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>&amp;Participants :</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client :</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Aucune offre</translation>
    </message>
    <message>
        <source>O&amp;ffer:</source>
        <translation>O&amp;ffre :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>The request keeps its reference and stays in the pending queue; it is checked again as when it was taken.</source>
        <translation>La demande garde sa référence et reste dans la file d’attente ; elle est vérifiée à nouveau comme à sa prise.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>DST Desktop</source>
        <extracomment>Builds the printing implementation of a window (see ``dst_desktop.presenters.printing``).</extracomment>
        <translation>DST Desktop</translation>
    </message>
    <message>
        <source>The database cannot be used right now. Nothing was changed.

%1</source>
        <translation>La base de données est inutilisable pour le moment. Rien n’a été modifié.

%1</translation>
    </message>
    <message>
        <source>Something went wrong and this action was not completed. Nothing else is affected: you can carry on working.</source>
        <translation>Un problème a empêché cette action d’aboutir. Rien d’autre n’est touché&#xa0;: vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>The details were written to %1 for support.</source>
        <translation>Les détails ont été enregistrés dans %1 pour l’assistance.</translation>
    </message>
</context>
<context>
    <name>EventBannerWidget</name>
    <message>
        <source>Event database</source>
        <extracomment>The banner&apos;s calm colours: the window&apos;s accent, never an error&apos;s red. How many rows a report table shows before it scrolls. The report&apos;s counts, in a grid of this many columns (French labels are long).</extracomment>
        <translation>Base d’événement</translation>
    </message>
</context>
<context>
    <name>EventImportReport</name>
    <message>
        <source>Date</source>
        <extracomment>Imported and already present bookings are listed up to this many (they are all in the pending queue or the bookings browser anyway); the other sections list everything. Entries of the section not listed in ``rows`` (see :data:`LISTED_AT_MOST`). Each outcome with its count, zeros included, in the order of SPEC 7. Only the sections that have entries.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>No availability any more (%1)</source>
        <translation>Plus de disponibilité (%1)</translation>
    </message>
    <message>
        <source>Imported as pending, but the office has taken the day meanwhile: offer these clients another date.</source>
        <translation>Importées en attente, mais le bureau a pris ce jour entre-temps&#xa0;: proposez une autre date à ces clients.</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>Autres dates</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Refusées (%1)</translation>
    </message>
    <message>
        <source>Not imported, for the reason given.</source>
        <translation>Non importées, pour la raison indiquée.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Client differences (%1)</source>
        <translation>Écarts sur les clients (%1)</translation>
    </message>
    <message>
        <source>The office&apos;s data was kept. If the event&apos;s is right, correct the client in Data ▸ Reference data.</source>
        <translation>Les données du bureau ont été gardées. Si celles de l’événement sont les bonnes, corrigez le client dans Données ▸ Données de référence.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Office (kept)</source>
        <translation>Bureau (gardé)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>New clients (%1)</source>
        <translation>Nouveaux clients (%1)</translation>
    </message>
    <message>
        <source>Met at the event and added to the clients.</source>
        <translation>Rencontrés pendant l’événement et ajoutés aux clients.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Imported (%1)</source>
        <translation>Importées (%1)</translation>
    </message>
    <message>
        <source>Waiting in the pending queue, their source marked Event: confirm them there.</source>
        <translation>Dans la file des demandes, avec l’origine Événement&#xa0;: confirmez-les depuis la file.</translation>
    </message>
    <message>
        <source>Already present (%1)</source>
        <translation>Déjà présentes (%1)</translation>
    </message>
    <message>
        <source>Imported from this file before: left as they are, not duplicated.</source>
        <translation>Déjà importées depuis ce fichier&#xa0;: laissées telles quelles, sans doublon.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importées</translation>
    </message>
    <message>
        <source>Already present</source>
        <translation>Déjà présentes</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <source>No availability any more</source>
        <translation>Plus de disponibilité</translation>
    </message>
    <message>
        <source>New clients</source>
        <translation>Nouveaux clients</translation>
    </message>
    <message>
        <source>Client differences</source>
        <translation>Écarts sur les clients</translation>
    </message>
    <message>
        <source>Import event bookings</source>
        <translation>Importer les réservations d’événement</translation>
    </message>
    <message>
        <source>Nothing new: every booking of this file was imported before.</source>
        <translation>Rien de nouveau&#xa0;: toutes les réservations de ce fichier avaient déjà été importées.</translation>
    </message>
    <message>
        <source>No booking was imported.</source>
        <translation>Aucune réservation n’a été importée.</translation>
    </message>
    <message>
        <source>%1 event booking taken on %2 was imported: it waits in the pending queue.</source>
        <translation>%1 réservation d’événement prise sur %2 a été importée&#xa0;: elle attend dans la file des demandes.</translation>
    </message>
    <message>
        <source>%1 event bookings taken on %2 were imported: they wait in the pending queue.</source>
        <translation>%1 réservations d’événement prises sur %2 ont été importées&#xa0;: elles attendent dans la file des demandes.</translation>
    </message>
    <message>
        <source>%1 event booking was imported: it waits in the pending queue.</source>
        <translation>%1 réservation d’événement a été importée&#xa0;: elle attend dans la file des demandes.</translation>
    </message>
    <message>
        <source>%1 event bookings were imported: they wait in the pending queue.</source>
        <translation>%1 réservations d’événement ont été importées&#xa0;: elles attendent dans la file des demandes.</translation>
    </message>
    <message>
        <source>%1 has no availability at the office any more: offer the client another date.</source>
        <translation>%1 n’a plus de disponibilité au bureau&#xa0;: proposez une autre date au client.</translation>
    </message>
    <message>
        <source>%1 have no availability at the office any more: offer those clients another date.</source>
        <translation>%1 n’ont plus de disponibilité au bureau&#xa0;: proposez une autre date à ces clients.</translation>
    </message>
    <message>
        <source>%1 booking was rejected.</source>
        <translation>%1 réservation a été refusée.</translation>
    </message>
    <message>
        <source>%1 bookings were rejected.</source>
        <translation>%1 réservations ont été refusées.</translation>
    </message>
</context>
<context>
    <name>EventImportReportDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copy the report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Copy the whole report as text, to paste in a mail.</source>
        <translation>Copier tout le rapport en texte, pour le coller dans un e-mail.</translation>
    </message>
    <message>
        <source>… and %1 more, not listed here: see the bookings lists.</source>
        <translation>… et %1 de plus, non listées ici&#xa0;: voir les listes de réservations.</translation>
    </message>
</context>
<context>
    <name>EventMode</name>
    <message>
        <source>This is an event database: bookings taken here are confirmed at the office, against live availability, after File ▸ Export event bookings.</source>
        <extracomment>A snapshot older than this many days is shown as stale: the office has moved on. Said when the snapshot is older than :data:`STALE_AFTER_DAYS` (&quot;&quot; otherwise). Whether the database is a workstation&apos;s offline copy (the main presenter says). The snapshot this database holds; None for an office database.</extracomment>
        <translation>Ceci est une base d’événement&#xa0;: les réservations prises ici sont confirmées au bureau, sur les disponibilités réelles, après Fichier ▸ Exporter les réservations d’événement.</translation>
    </message>
    <message>
        <source>This is an event database holding a snapshot of the office: missions are followed at the office.</source>
        <translation>Ceci est une base d’événement qui contient un instantané du bureau&#xa0;: les missions sont suivies au bureau.</translation>
    </message>
    <message>
        <source>taken today</source>
        <translation>pris aujourd’hui</translation>
    </message>
    <message>
        <source>%1 day old</source>
        <translation>vieux de %1 jour</translation>
    </message>
    <message>
        <source>%1 days old</source>
        <translation>vieux de %1 jours</translation>
    </message>
    <message>
        <source>Snapshot of the office taken on %1 from %2, %3. Its availability runs from %4 to %5.</source>
        <translation>Instantané du bureau pris le %1 sur %2, %3. Ses disponibilités vont du %4 au %5.</translation>
    </message>
    <message>
        <source>Bookings taken here wait as requests: they are confirmed at the office after File ▸ Export event bookings. Confirmation and missions are unavailable here.</source>
        <translation>Les réservations prises ici restent des demandes&#xa0;: elles sont confirmées au bureau après Fichier ▸ Exporter les réservations d’événement. La confirmation et les missions ne sont pas disponibles ici.</translation>
    </message>
    <message>
        <source>This snapshot is more than %1 days old: the office may have booked some of these days since. Import a newer snapshot if you can.</source>
        <translation>Cet instantané a plus de %1 jours&#xa0;: le bureau a pu réserver certains de ces jours depuis. Importez un instantané plus récent si vous le pouvez.</translation>
    </message>
    <message>
        <source>Event database for “%1”</source>
        <translation>Base d’événement pour «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>This is an event database: snapshots are exported from the office&apos;s database.</source>
        <translation>Ceci est une base d’événement&#xa0;: les instantanés s’exportent depuis la base du bureau.</translation>
    </message>
    <message>
        <source>This is an event database: event bookings are imported at the office.</source>
        <translation>Ceci est une base d’événement&#xa0;: les réservations d’événement s’importent au bureau.</translation>
    </message>
    <message>
        <source>This is an office database: event bookings are exported from the event laptop that took them.</source>
        <translation>Ceci est une base de bureau&#xa0;: les réservations d’événement s’exportent depuis le portable de l’événement qui les a prises.</translation>
    </message>
    <message>
        <source>This database holds office bookings, so it cannot become an event database. Import the snapshot on the event laptop, into a new database: for example, start DST Desktop there with --database sqlite:///event.db.</source>
        <translation>Cette base contient des réservations du bureau&#xa0;: elle ne peut pas devenir une base d’événement. Importez l’instantané sur le portable de l’événement, dans une nouvelle base&#xa0;: par exemple, lancez-y DST Desktop avec --database sqlite:///event.db.</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Exporter un instantané</translation>
    </message>
    <message>
        <source>Event snapshot</source>
        <translation>Instantané pour un événement</translation>
    </message>
    <message>
        <source>Writing the snapshot…</source>
        <translation>Écriture de l’instantané…</translation>
    </message>
    <message>
        <source>The snapshot for “%2” was written to %3. It holds the reference data, the clients and %1 office allocation from %4 to %5.</source>
        <translation>L’instantané pour «&#xa0;%2&#xa0;» a été écrit dans %3. Il contient les données de référence, les clients et %1 attribution du bureau du %4 au %5.</translation>
    </message>
    <message>
        <source>The snapshot for “%2” was written to %3. It holds the reference data, the clients and %1 office allocations from %4 to %5.</source>
        <translation>L’instantané pour «&#xa0;%2&#xa0;» a été écrit dans %3. Il contient les données de référence, les clients et %1 attributions du bureau du %4 au %5.</translation>
    </message>
    <message>
        <source>On the event laptop, open a new database and use File ▸ Import snapshot…</source>
        <translation>Sur le portable de l’événement, ouvrez une nouvelle base et utilisez Fichier ▸ Importer un instantané…</translation>
    </message>
    <message>
        <source>Snapshot written to %1.</source>
        <translation>Instantané écrit dans %1.</translation>
    </message>
    <message>
        <source>Import snapshot</source>
        <translation>Importer un instantané</translation>
    </message>
    <message>
        <source>Make this database an event database?

It takes the snapshot&apos;s reference data, clients and office allocations. Bookings taken in it are confirmed at the office later: confirmation and missions become unavailable here. Do this on the event laptop.</source>
        <translation>Faire de cette base une base d’événement&#x202f;?

Elle reçoit les données de référence, les clients et les attributions du bureau de l’instantané. Les réservations prises ici seront confirmées plus tard au bureau&#xa0;: la confirmation et les missions ne seront plus disponibles ici. À faire sur le portable de l’événement.</translation>
    </message>
    <message>
        <source>Make it an event database</source>
        <translation>En faire une base d’événement</translation>
    </message>
    <message>
        <source>Replace the snapshot of “%1” with this one? The office&apos;s allocations are replaced; the bookings taken here are kept.</source>
        <translation>Remplacer l’instantané de «&#xa0;%1&#xa0;» par celui-ci&#x202f;? Les attributions du bureau sont remplacées&#x202f;; les réservations prises ici sont gardées.</translation>
    </message>
    <message>
        <source>Replace the snapshot</source>
        <translation>Remplacer l’instantané</translation>
    </message>
    <message>
        <source>Importing the snapshot…</source>
        <translation>Import de l’instantané…</translation>
    </message>
    <message>
        <source>This is now an event database for “%2”, with %1 office allocation from %3 to %4.</source>
        <translation>C’est maintenant une base d’événement pour «&#xa0;%2&#xa0;», avec %1 attribution du bureau du %3 au %4.</translation>
    </message>
    <message>
        <source>This is now an event database for “%2”, with %1 office allocations from %3 to %4.</source>
        <translation>C’est maintenant une base d’événement pour «&#xa0;%2&#xa0;», avec %1 attributions du bureau du %3 au %4.</translation>
    </message>
    <message>
        <source>The %1 booking taken here before is kept.</source>
        <translation>%1 réservation prise ici auparavant est gardée.</translation>
    </message>
    <message>
        <source>The %1 bookings taken here before are kept.</source>
        <translation>Les %1 réservations prises ici auparavant sont gardées.</translation>
    </message>
    <message>
        <source>Take the event&apos;s bookings here. Afterwards, File ▸ Export event bookings… carries them to the office, where they are confirmed.</source>
        <translation>Prenez ici les réservations de l’événement. Ensuite, Fichier ▸ Exporter les réservations d’événement… les emporte au bureau, où elles sont confirmées.</translation>
    </message>
    <message>
        <source>Event database for “%1”.</source>
        <translation>Base d’événement pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Export event bookings</source>
        <translation>Exporter les réservations d’événement</translation>
    </message>
    <message>
        <source>Event bookings</source>
        <translation>Réservations d’événement</translation>
    </message>
    <message>
        <source>Writing the event bookings…</source>
        <translation>Écriture des réservations d’événement…</translation>
    </message>
    <message>
        <source>No booking has been taken in this event database yet: %1 holds none.</source>
        <translation>Aucune réservation n’a encore été prise dans cette base d’événement&#xa0;: %1 n’en contient aucune.</translation>
    </message>
    <message>
        <source>%1 event booking and its client were written to %2.</source>
        <translation>%1 réservation d’événement et son client ont été écrits dans %2.</translation>
    </message>
    <message>
        <source>%1 event bookings and their clients were written to %2.</source>
        <translation>%1 réservations d’événement et leurs clients ont été écrits dans %2.</translation>
    </message>
    <message>
        <source>At the office, File ▸ Import event bookings… brings them into the pending queue.</source>
        <translation>Au bureau, Fichier ▸ Importer les réservations d’événement… les place dans la file des demandes.</translation>
    </message>
    <message>
        <source>Event bookings written to %1.</source>
        <translation>Réservations d’événement écrites dans %1.</translation>
    </message>
    <message>
        <source>Import event bookings</source>
        <translation>Importer les réservations d’événement</translation>
    </message>
    <message>
        <source>Importing the event bookings…</source>
        <translation>Import des réservations d’événement…</translation>
    </message>
    <message>
        <source>The database cannot be used right now, so nothing was changed. (%1)</source>
        <translation>La base ne peut pas être utilisée pour l’instant, rien n’a donc été modifié. (%1)</translation>
    </message>
    <message>
        <source>Nothing was written: %1.</source>
        <translation>Rien n’a été écrit&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>Rien n’a été importé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2). Nothing was written: choose another folder or file name.</source>
        <translation>Impossible d’écrire %1 (%2). Rien n’a été écrit&#xa0;: choisissez un autre dossier ou un autre nom de fichier.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Nothing was imported.</source>
        <translation>Impossible de lire %1 (%2). Rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>The database could not be used, so this booking was left as it was. (%1)</source>
        <extracomment>The business date (&quot;today&quot;); a booking&apos;s day before it has passed.</extracomment>
        <translation>La base de données n’a pas pu être utilisée, cette réservation est donc restée telle quelle. (%1)</translation>
    </message>
    <message>
        <source>The date of this booking, %1, has passed: it cannot be confirmed.</source>
        <translation>La date de cette réservation, le %1, est passée&#xa0;: elle ne peut plus être confirmée.</translation>
    </message>
    <message>
        <source>Every setup or operator of %1 is already taken on %2.</source>
        <translation>Tous les setups ou tous les opérateurs de %1 sont déjà pris le %2.</translation>
    </message>
    <message>
        <source>Every setup or operator is already taken that day.</source>
        <translation>Tous les setups ou tous les opérateurs sont déjà pris ce jour-là.</translation>
    </message>
    <message>
        <source>The next free dates to offer the client: %1.</source>
        <translation>Prochaines dates libres à proposer au client&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Free dates nearby: %1.</source>
        <translation>Dates libres proches&#xa0;: %1.</translation>
    </message>
    <message>
        <source>There is no free date in the next twelve months.</source>
        <translation>Il n’y a aucune date libre dans les douze prochains mois.</translation>
    </message>
    <message>
        <source>%1 participants is more than the chosen modules allow (%2 at most).</source>
        <translation>%1 participants, c’est plus que les modules choisis ne permettent (%2 au maximum).</translation>
    </message>
    <message>
        <source>This booking has changed meanwhile: its status is now “%1”. Another workstation may have handled it.</source>
        <translation>Cette réservation a changé entre-temps&#xa0;: son statut est maintenant «&#xa0;%1&#xa0;». Un autre poste l’a peut-être traitée.</translation>
    </message>
    <message>
        <source>This booking no longer exists: it may have been cancelled from another workstation.</source>
        <translation>Cette réservation n’existe plus&#xa0;: elle a peut-être été annulée depuis un autre poste.</translation>
    </message>
    <message>
        <source>This is an event database: bookings taken here are confirmed at the office, against live availability, once they have been imported there.</source>
        <translation>Ceci est une base de salon&#xa0;: les réservations prises ici sont confirmées au bureau, selon les disponibilités réelles, une fois importées là-bas.</translation>
    </message>
    <message>
        <source>The server is away: requests taken now are kept here and sent when it is back; confirming waits until then.</source>
        <translation>Le serveur est injoignable : les demandes prises maintenant sont gardées ici et envoyées à son retour ; la confirmation attend jusque-là.</translation>
    </message>
    <message>
        <source>Your role does not allow this. (%1)</source>
        <translation>Votre rôle ne le permet pas. (%1)</translation>
    </message>
    <message>
        <source>Please check the %1. (%2)</source>
        <translation>Vérifiez le champ «&#xa0;%1&#xa0;». (%2)</translation>
    </message>
    <message>
        <source>The request was refused. (%1)</source>
        <translation>La demande a été refusée. (%1)</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>modules</translation>
    </message>
    <message>
        <source>number of participants</source>
        <translation>nombre de participants</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>offre</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>capacité</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>active</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>unavailable days</source>
        <translation>jours d’indisponibilité</translation>
    </message>
    <message>
        <source>new date</source>
        <translation>nouvelle date</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>modifications</translation>
    </message>
    <message>
        <source>participants who attended</source>
        <translation>nombre de présents</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>DST Desktop help</source>
        <translation>Aide de DST Desktop</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <source>A day&apos;s work, step by step.</source>
        <translation>Une journée de travail, pas à pas.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command&apos;s shortcut, and the keys of the window.</source>
        <translation>Le raccourci de chaque commande, et les touches de la fenêtre.</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>A day&apos;s work, step by step (F1)</source>
        <translation>Une journée de travail, pas à pas (F1)</translation>
    </message>
    <message>
        <source>Every command&apos;s shortcut (Ctrl+F1)</source>
        <translation>Le raccourci de chaque commande (Ctrl+F1)</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Rubriques d’aide</translation>
    </message>
    <message>
        <source>The user guide or the keyboard shortcuts.</source>
        <translation>Le guide d’utilisation ou les raccourcis clavier.</translation>
    </message>
    <message>
        <source>Book a session</source>
        <translation>Réserver une session</translation>
    </message>
    <message>
        <source>Choose the region (Alt+R), pick the day in the calendar (the arrow keys move the day; each day shows how many setups are still free), tick the modules (Space), set the participants and type part of the client&apos;s name. The availability panel says at once whether the booking can be made; then press Enter, or Create booking (%1).</source>
        <translation>Choisissez la région (Alt+R), le jour dans le calendrier (les flèches changent de jour&#xa0;; chaque jour indique combien de setups sont encore libres), cochez les modules (Espace), indiquez les participants et tapez une partie du nom du client. Le panneau de disponibilité dit aussitôt si la réservation est possible&#xa0;; appuyez alors sur Entrée, ou sur Créer la réservation (%1).</translation>
    </message>
    <message>
        <source>Move a request to a free day</source>
        <translation>Déplacer une demande vers un jour libre</translation>
    </message>
    <message>
        <source>When the day is full, choose one of the free dates under the panel: the calendar and the form move there.</source>
        <translation>Quand le jour est complet, choisissez une des dates libres sous le panneau&#xa0;: le calendrier et le formulaire s’y placent.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Select one or several rows of Pending bookings and press Confirm (%1). Each outcome is reported, with other free dates when a day filled up meanwhile.</source>
        <translation>Sélectionnez une ou plusieurs lignes des demandes en attente et appuyez sur Confirmer (%1). Chaque résultat est indiqué, avec d’autres dates libres quand un jour s’est rempli entre-temps.</translation>
    </message>
    <message>
        <source>Cancel a request</source>
        <translation>Annuler une demande</translation>
    </message>
    <message>
        <source>Select it and press Cancel… (%1 in the queue); DST Desktop asks first.</source>
        <translation>Sélectionnez-la et appuyez sur Annuler… (%1 dans la file)&#xa0;; DST Desktop demande d’abord.</translation>
    </message>
    <message>
        <source>Follow a session</source>
        <translation>Suivre une session</translation>
    </message>
    <message>
        <source>Double-click a row, or Details… (%1): status, setup, operator, history and the next steps — schedule, start, mark completed, or cancel the mission with a reason.</source>
        <translation>Double-cliquez sur une ligne, ou Détails… (%1)&#xa0;: statut, setup, opérateur, historique et étapes suivantes — planifier, démarrer, marquer terminée, ou annuler la mission avec un motif.</translation>
    </message>
    <message>
        <source>Find a booking</source>
        <translation>Retrouver une réservation</translation>
    </message>
    <message>
        <source>All bookings (%1) lists every status, filtered by client, region, status, dates or text (%2). Pending bookings (%3) comes back to the queue.</source>
        <translation>Toutes les réservations (%1) liste tous les statuts, filtrés par client, région, statut, dates ou texte (%2). Demandes en attente (%3) revient à la file.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print booking summary (%1) and Print day sheet (%2) open a preview that prints and saves a PDF file.</source>
        <translation>Imprimer le récapitulatif (%1) et Imprimer la feuille du jour (%2) ouvrent un aperçu qui imprime et enregistre un PDF.</translation>
    </message>
    <message>
        <source>Add an operator, a setup, a client…</source>
        <translation>Ajouter un opérateur, un setup, un client…</translation>
    </message>
    <message>
        <source>Data ▸ Reference data… (%1): one tab per kind, each with a search field; setups take maintenance days, operators leave days. An entry nothing refers to yet can be removed.</source>
        <translation>Données ▸ Données de référence… (%1)&#xa0;: un onglet par type, chacun avec un champ de recherche&#xa0;; les setups ont des jours de maintenance, les opérateurs des jours de congé. Une entrée à laquelle rien ne fait encore référence peut être supprimée.</translation>
    </message>
    <message>
        <source>Load a reference file</source>
        <translation>Charger un fichier de référence</translation>
    </message>
    <message>
        <source>File ▸ Import reference data… (%1) reads a JSON file in the background and lists every problem it finds.</source>
        <translation>Fichier ▸ Importer des données de référence… (%1) lit un fichier JSON en arrière-plan et liste chaque problème trouvé.</translation>
    </message>
    <message>
        <source>Take bookings at a trade fair</source>
        <translation>Prendre des réservations sur un salon</translation>
    </message>
    <message>
        <source>File ▸ Export snapshot… at the office, Import snapshot… on the laptop, and back with Export event bookings… and Import event bookings….</source>
        <translation>Fichier ▸ Exporter un instantané… au bureau, Importer un instantané… sur le portable, et retour avec Exporter les réservations d’événement… puis Importer les réservations d’événement….</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Changer de langue</translation>
    </message>
    <message>
        <source>File ▸ Settings… (%1): the system&apos;s language, English or French.</source>
        <translation>Fichier ▸ Paramètres… (%1)&#xa0;: la langue du système, l’anglais ou le français.</translation>
    </message>
    <message>
        <source>Back-office staff live in one window: pick a region and a day, tick the training modules, choose the client and the number of participants, and the window says at once whether the session can be booked. Requests wait in the pending queue until someone confirms them; confirming allocates a setup and an operator.</source>
        <translation>Le back-office travaille dans une seule fenêtre&#xa0;: choisissez une région et un jour, cochez les modules de formation, le client et le nombre de participants, et la fenêtre dit aussitôt si la session peut être réservée. Les demandes attendent dans la file jusqu’à leur confirmation&#xa0;; confirmer attribue un setup et un opérateur.</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Champ suivant ou précédent</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Go to a field whose label has an underlined letter</source>
        <translation>Aller au champ dont le libellé a une lettre soulignée</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+lettre</translation>
    </message>
    <message>
        <source>Create the booking, in the booking form</source>
        <translation>Créer la réservation, dans le formulaire</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Tick or untick a module</source>
        <translation>Cocher ou décocher un module</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Move the day in the calendar; the month</source>
        <translation>Changer de jour dans le calendrier&#xa0;; de mois</translation>
    </message>
    <message>
        <source>Arrow keys; Page Up, Page Down</source>
        <translation>Flèches&#xa0;; Page préc., Page suiv.</translation>
    </message>
    <message>
        <source>Open the calendar of a date field</source>
        <translation>Ouvrir le calendrier d’un champ de date</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Bas</translation>
    </message>
    <message>
        <source>A day later or earlier, in a date field</source>
        <translation>Un jour plus tard ou plus tôt, dans un champ de date</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Haut, Bas</translation>
    </message>
    <message>
        <source>Select several bookings</source>
        <translation>Sélectionner plusieurs réservations</translation>
    </message>
    <message>
        <source>Shift+arrows, Ctrl+click</source>
        <translation>Maj+flèches, Ctrl+clic</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Fermer une boîte de dialogue</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>In the window</source>
        <translation>Dans la fenêtre</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Changed by another workstation a moment ago.</source>
        <translation>Modifiée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Cancelled by another workstation a moment ago.</source>
        <extracomment>Statuses whose change moves a day&apos;s availability (a pending request holds nothing).</extracomment>
        <translation>Annulée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Confirmed by another workstation a moment ago.</source>
        <translation>Confirmée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Scheduled by another workstation a moment ago.</source>
        <translation>Planifiée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Started by another workstation a moment ago.</source>
        <translation>Démarrée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Marked completed by another workstation a moment ago.</source>
        <translation>Marquée terminée par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>Colleagues&apos; changes are not shown at the moment: %1 Trying again…</source>
        <extracomment>How many times the window read something again because of a change (tests and the benchmark count them: nothing is read when nothing changed).</extracomment>
        <translation>Les modifications des collègues ne s’affichent plus pour le moment : %1 Nouvel essai…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database is empty: add regions, setups and operators with Data ▸ Reference data.</source>
        <translation>La base est vide&#xa0;: ajoutez régions, setups et opérateurs avec Données ▸ Données de référence.</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>A new client needs a name.</source>
        <translation>Un nouveau client doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is already a client named %1. Add another client with the same name?</source>
        <translation>Il existe déjà un client nommé %1. Ajouter un autre client du même nom&#x202f;?</translation>
    </message>
    <message>
        <source>Add another client</source>
        <translation>Ajouter un autre client</translation>
    </message>
    <message>
        <source>The client was not added. %1</source>
        <translation>Le client n’a pas été ajouté. %1</translation>
    </message>
    <message>
        <source>Client %1 added.</source>
        <translation>Client %1 ajouté.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>The demo data can only be loaded into an empty database. Start DST Desktop with --demo to use a separate demo database.</source>
        <translation>Les données de démonstration ne se chargent que dans une base vide. Lancez DST Desktop avec --demo pour utiliser une base de démonstration séparée.</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
    <message>
        <source>Demo data loaded: %1 booking.</source>
        <translation>Données de démonstration chargées&#xa0;: %1 réservation.</translation>
    </message>
    <message>
        <source>Demo data loaded: %1 bookings.</source>
        <translation>Données de démonstration chargées&#xa0;: %1 réservations.</translation>
    </message>
    <message>
        <source>Importing reference data…</source>
        <translation>Import des données de référence…</translation>
    </message>
    <message>
        <source>Import reference data</source>
        <translation>Importer des données de référence</translation>
    </message>
    <message>
        <source>This database already holds reference data: the demo data goes only into an empty one. Start DST Desktop with --demo to try it on its own database.</source>
        <extracomment>What a main window runs on: the workflows of one database. The composition root (``dst_desktop.app``) opens them; the window only hands them to its presenter, and names their type from here rather than from the services. Sessions left on resources that cannot serve them (None: not shown). On a team&apos;s server: working on the offline copy while the server is away.</extracomment>
        <translation>Cette base contient déjà des données de référence&#xa0;: les données de démonstration ne vont que dans une base vide. Lancez DST Desktop avec --demo pour les essayer dans leur propre base.</translation>
    </message>
    <message>
        <source>The database is empty: an administrator loads its reference data.</source>
        <translation>La base de données est vide&#xa0;: un administrateur y charge les données de référence.</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has %1 problems. Correct them all, then import it again.</source>
        <translation>Rien n’a été importé&#xa0;: le fichier a %1 problèmes. Corrigez-les tous, puis importez-le à nouveau.</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Rien n’a été importé. %1</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated</source>
        <translation>%1&#xa0;: %2 ajoutés, %3 mis à jour</translation>
    </message>
    <message>
        <source>The reference data was imported.</source>
        <translation>Les données de référence ont été importées.</translation>
    </message>
    <message>
        <source>The file holds no reference data.</source>
        <translation>Le fichier ne contient aucune donnée de référence.</translation>
    </message>
    <message>
        <source>This import</source>
        <translation>Cet import</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>You are not allowed to read %1.</source>
        <translation>Vous n’avez pas le droit de lire %1.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, a device or a socket). Save the data to a file first.</source>
        <translation>%1 n’est pas un fichier ordinaire (un tube, un périphérique ou une socket). Enregistrez d’abord les données dans un fichier.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than such a file can be.</source>
        <translation>%1 dépasse %2 Mo, plus qu’un tel fichier ne peut faire.</translation>
    </message>
    <message>
        <source>%1 is not a reference data file (not text).</source>
        <translation>%1 n’est pas un fichier de données de référence (ce n’est pas du texte).</translation>
    </message>
    <message>
        <source>%1 is not a valid reference data file.</source>
        <translation>%1 n’est pas un fichier de données de référence valide.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid reference data file: the JSON is broken at line %2, column %3.</source>
        <translation>%1 n’est pas un fichier de données de référence valide&#xa0;: le JSON est cassé ligne %2, colonne %3.</translation>
    </message>
    <message>
        <source>Pending bookings</source>
        <extracomment>One of the two bookings lists under the booking form: its panel, its presenter. The size of the window at its first start on a screen large enough for it. Unless the user chooses otherwise, the booking panes are this tall at most (px)… … as long as the bookings lists keep this many rows. The fewest rows a split the user chose leaves the lists when the window gets smaller. The calendar&apos;s pane is this much wider than its least width, when there is room. Called with a language code when the user picks another language; the application rebuilds the window in that language. None: applies at next start.</extracomment>
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>All bookings</source>
        <translation>Toutes les réservations</translation>
    </message>
    <message>
        <source>Pending bookings (%1)</source>
        <extracomment>Whether the user chose the splits (moved a splitter, or did at an earlier run).</extracomment>
        <translation>Demandes en attente (%1)</translation>
    </message>
    <message>
        <source>&amp;New booking</source>
        <translation>&amp;Nouvelle réservation</translation>
    </message>
    <message>
        <source>&amp;Import reference data…</source>
        <translation>&amp;Importer des données de référence…</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>Charger les données de &amp;démonstration</translation>
    </message>
    <message>
        <source>E&amp;xport snapshot…</source>
        <translation>E&amp;xporter un instantané…</translation>
    </message>
    <message>
        <source>Import &amp;snapshot…</source>
        <translation>Importer un ins&amp;tantané…</translation>
    </message>
    <message>
        <source>Export &amp;event bookings…</source>
        <translation>Exporter les réser&amp;vations d’événement…</translation>
    </message>
    <message>
        <source>Import event &amp;bookings…</source>
        <translation>Importer les réservations d’événe&amp;ment…</translation>
    </message>
    <message>
        <source>Office: write the reference data, clients and coming allocations to a file for the event laptop.</source>
        <extracomment>What each exchange command does, when it is available.</extracomment>
        <translation>Bureau&#xa0;: écrire les données de référence, les clients et les attributions à venir dans un fichier pour le portable de l’événement.</translation>
    </message>
    <message>
        <source>Bookings lists</source>
        <translation>Listes de réservations</translation>
    </message>
    <message>
        <source>The pending queue (Ctrl+Shift+B) or every booking (Ctrl+B).</source>
        <translation>La file d’attente (Ctrl+Shift+B) ou toutes les réservations (Ctrl+B).</translation>
    </message>
    <message>
        <source>The bookings waiting for confirmation (Ctrl+Shift+B)</source>
        <translation>Les réservations en attente de confirmation (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Every booking, whatever its status (Ctrl+B)</source>
        <translation>Toutes les réservations, quel que soit leur statut (Ctrl+B)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Start a new booking in the form: same place and day, no client yet</source>
        <translation>Commencer une nouvelle réservation&#xa0;: même lieu et même jour, sans client</translation>
    </message>
    <message>
        <source>C&amp;reate booking</source>
        <translation>C&amp;réer la réservation</translation>
    </message>
    <message>
        <source>Create the booking the form describes (Enter in the form does too)</source>
        <translation>Créer la réservation décrite par le formulaire (Entrée dans le formulaire aussi)</translation>
    </message>
    <message>
        <source>New &amp;client…</source>
        <translation>Nouveau &amp;client…</translation>
    </message>
    <message>
        <source>Add a client who is not in the list yet: name, e-mail and phone</source>
        <translation>Ajouter un client qui n’est pas encore dans la liste&#xa0;: nom, e-mail et téléphone</translation>
    </message>
    <message>
        <source>Add or update regions, setups, operators, modules, clients from a file</source>
        <translation>Ajouter ou mettre à jour régions, setups, opérateurs, modules, clients depuis un fichier</translation>
    </message>
    <message>
        <source>Fill this empty database with the demo data, to try DST Desktop</source>
        <translation>Remplir cette base vide avec les données de démonstration, pour essayer DST Desktop</translation>
    </message>
    <message>
        <source>Event laptop: make this database an event database from the office&apos;s snapshot.</source>
        <translation>Portable de l’événement&#xa0;: faire de cette base une base d’événement à partir de l’instantané du bureau.</translation>
    </message>
    <message>
        <source>Event laptop: write the bookings taken here to a file for the office.</source>
        <translation>Portable de l’événement&#xa0;: écrire les réservations prises ici dans un fichier pour le bureau.</translation>
    </message>
    <message>
        <source>Office: bring the bookings taken at an event into the pending queue.</source>
        <translation>Bureau&#xa0;: placer les réservations prises pendant un événement dans la file des demandes.</translation>
    </message>
    <message>
        <source>&amp;Print booking summary…</source>
        <translation>Im&amp;primer le récapitulatif…</translation>
    </message>
    <message>
        <source>Preview, print or save as PDF the summary of the selected booking</source>
        <translation>Aperçu, impression ou PDF du récapitulatif de la réservation sélectionnée</translation>
    </message>
    <message>
        <source>Print &amp;day sheet…</source>
        <translation>Imprimer la &amp;feuille du jour…</translation>
    </message>
    <message>
        <source>Preview, print or save as PDF who goes where on the day chosen</source>
        <translation>Aperçu, impression ou PDF de qui va où le jour choisi</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Pa&amp;ramètres…</translation>
    </message>
    <message>
        <source>Choose the language of DST Desktop</source>
        <translation>Choisir la langue de DST Desktop</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Confirm selected bookings</source>
        <translation>&amp;Confirmer les réservations choisies</translation>
    </message>
    <message>
        <source>Confirm the bookings selected in the pending queue</source>
        <translation>Confirmer les réservations sélectionnées dans la file d’attente</translation>
    </message>
    <message>
        <source>C&amp;ancel selected bookings…</source>
        <translation>&amp;Annuler les réservations choisies…</translation>
    </message>
    <message>
        <source>Cancel the bookings selected in the pending queue, after asking</source>
        <translation>Annuler les réservations sélectionnées dans la file d’attente, après confirmation</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>Open the selected booking: its status, history and next steps</source>
        <translation>Ouvrir la réservation sélectionnée&#xa0;: statut, historique et étapes suivantes</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Re&amp;chercher…</translation>
    </message>
    <message>
        <source>Search the bookings list in front by client, reference or notes</source>
        <translation>Chercher dans la liste affichée par client, référence ou notes</translation>
    </message>
    <message>
        <source>&amp;Pending bookings</source>
        <translation>&amp;Demandes en attente</translation>
    </message>
    <message>
        <source>Show the bookings waiting for confirmation</source>
        <translation>Afficher les réservations en attente de confirmation</translation>
    </message>
    <message>
        <source>&amp;All bookings</source>
        <translation>&amp;Toutes les réservations</translation>
    </message>
    <message>
        <source>Find any booking, whatever its status</source>
        <translation>Retrouver n’importe quelle réservation, quel que soit son statut</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Read the calendar and the lists again from the database</source>
        <translation>Relire le calendrier et les listes dans la base</translation>
    </message>
    <message>
        <source>&amp;Reference data…</source>
        <translation>Données de &amp;référence…</translation>
    </message>
    <message>
        <source>Regions, setups, operators, modules, clients and offers</source>
        <translation>Régions, setups, opérateurs, modules, clients et offres</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>A day&apos;s work in DST Desktop, step by step</source>
        <translation>Une journée de travail dans DST Desktop, pas à pas</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command&apos;s shortcut, and the keys of the booking form</source>
        <translation>Le raccourci de chaque commande, et les touches du formulaire</translation>
    </message>
    <message>
        <source>&amp;About DST Desktop</source>
        <translation>À &amp;propos de DST Desktop</translation>
    </message>
    <message>
        <source>The version of DST Desktop</source>
        <translation>La version de DST Desktop</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Bookings</source>
        <translation>&amp;Réservations</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Données</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Printing is not installed in this version of DST Desktop.</source>
        <translation>L’impression n’est pas installée dans cette version de DST Desktop.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base&#xa0;: %1</translation>
    </message>
    <message>
        <source>DST Desktop — %1</source>
        <translation>DST Desktop — %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Aujourd’hui&#xa0;: %1</translation>
    </message>
    <message>
        <source>The new language applies the next time DST Desktop starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de DST Desktop.</translation>
    </message>
    <message>
        <source>About DST Desktop</source>
        <translation>À propos de DST Desktop</translation>
    </message>
    <message>
        <source>DST Desktop %1

Booking of on-site DST training sessions: requests, confirmation with setup and operator, missions and their follow-up.</source>
        <translation>DST Desktop %1

Réservation des sessions de formation DST sur site&#xa0;: demandes, confirmation avec setup et opérateur, missions et leur suivi.</translation>
    </message>
    <message>
        <source>Please wait: DST Desktop closes when the current work is done.</source>
        <extracomment>Whether the window still takes its first-start size when first shown.</extracomment>
        <translation>Patientez&#xa0;: DST Desktop se fermera une fois le travail en cours terminé.</translation>
    </message>
    <message>
        <source>&amp;Edit request…</source>
        <translation>&amp;Modifier la demande…</translation>
    </message>
    <message>
        <source>Correct the selected request: date, modules, participants, client, offer</source>
        <translation>Corriger la demande choisie : date, modules, participants, client, offre</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Confirmed sessions on a setup or operator that cannot serve them</source>
        <translation>Sessions confirmées sur un setup ou un opérateur qui ne peut pas les assurer</translation>
    </message>
    <message>
        <source>No conflict</source>
        <translation>Aucun conflit</translation>
    </message>
    <message>
        <source>&amp;Utilisation report…</source>
        <translation>Rapport d&apos;&amp;utilisation…</translation>
    </message>
    <message>
        <source>Utilisation of regions, setups and operators over a period</source>
        <translation>Utilisation des régions, setups et opérateurs sur une période</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Exporter le tableau…</translation>
    </message>
    <message>
        <source>Save the bookings table on show, as filtered and sorted, to XLSX or CSV</source>
        <translation>Enregistrer le tableau de réservations affiché, filtré et trié, en XLSX ou CSV</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>&amp;Journal d’audit…</translation>
    </message>
    <message>
        <source>Who did what, when, on which booking</source>
        <translation>Qui a fait quoi, quand, sur quelle réservation</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Bring the database back to one of its daily backups, or to a backup file.</source>
        <translation>Ramener la base de données à l’une de ses sauvegardes quotidiennes, ou à un fichier de sauvegarde.</translation>
    </message>
</context>
<context>
    <name>MissionAction</name>
    <message>
        <source>Schedule</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marquer terminée</translation>
    </message>
    <message>
        <source>Cancel mission…</source>
        <translation>Annuler la mission…</translation>
    </message>
</context>
<context>
    <name>ModuleListModel</name>
    <message>
        <source>Module</source>
        <extracomment>A module was ticked or unticked by the user: (module id, checked).</extracomment>
        <translation>Module</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>The most participants the module takes</source>
        <translation>Le plus grand nombre de participants que le module accepte</translation>
    </message>
</context>
<context>
    <name>ModulePicker</name>
    <message>
        <source>Tick the modules of the session.</source>
        <translation>Cochez les modules de la session.</translation>
    </message>
    <message>
        <source>At most %1 participants, limited by %2.</source>
        <translation>%1 participants au maximum, limité par %2.</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>The training modules of the session: Space ticks or unticks the module; the capacity of the session follows.</source>
        <translation>Les modules de formation de la session&#xa0;: Espace coche ou décoche le module&#xa0;; la capacité de la session suit.</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Company or person</source>
        <translation>Société ou personne</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>The client&apos;s name: a company or a person.</source>
        <translation>Le nom du client&#xa0;: une entreprise ou une personne.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>The client&apos;s e-mail address.</source>
        <translation>L’adresse e-mail du client.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>The client&apos;s phone number.</source>
        <translation>Le numéro de téléphone du client.</translation>
    </message>
    <message>
        <source>Other details can be added later in Data ▸ Reference data.</source>
        <translation>Les autres informations peuvent être ajoutées plus tard dans Données ▸ Données de référence.</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Ajouter le client</translation>
    </message>
    <message>
        <source>Add the client and choose it in the form (Enter)</source>
        <translation>Ajouter le client et le choisir dans le formulaire (Entrée)</translation>
    </message>
</context>
<context>
    <name>NewDateDialog</name>
    <message>
        <source>%1 is the session&apos;s day now: choose another one.</source>
        <translation>%1 est le jour actuel de la session : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>%1: no setup or operator is free that day.</source>
        <translation>%1 : aucun setup ou aucun opérateur n’est libre ce jour-là.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>OfflineBannerWidget</name>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Travail hors ligne</translation>
    </message>
</context>
<context>
    <name>OfflineMode</name>
    <message>
        <source>The server is away: this waits until it is back. New requests are kept on this workstation and sent then.</source>
        <extracomment>The copy is refreshed after changes at most this often, and at least this often.</extracomment>
        <translation>Le serveur est injoignable : cela attend son retour. Les nouvelles demandes sont gardées sur ce poste et envoyées à ce moment-là.</translation>
    </message>
    <message>
        <source>Offline: the server %1 cannot be reached since %2. You are working on this workstation&apos;s copy, %3 old; new requests are kept here and sent when the server is back.</source>
        <translation>Hors ligne : le serveur %1 est injoignable depuis %2. Vous travaillez sur la copie de ce poste, vieille de %3 ; les nouvelles demandes sont gardées ici et envoyées au retour du serveur.</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1.</source>
        <translation>En attente d’envoi : %1.</translation>
    </message>
    <message>
        <source>Confirming, mission steps and reference data edits wait until the server is back.</source>
        <translation>La confirmation, les étapes de mission et la modification des données de référence attendent le retour du serveur.</translation>
    </message>
    <message>
        <source>of unknown age</source>
        <translation>d’âge inconnu</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>The server cannot be reached: working on this workstation&apos;s copy.</source>
        <translation>Le serveur est injoignable : travail sur la copie de ce poste.</translation>
    </message>
    <message>
        <source>The server is back: the window is up to date.</source>
        <translation>Le serveur est de retour : la fenêtre est à jour.</translation>
    </message>
    <message>
        <source>Requests taken while the server was away: %1 sent, %2 already there, %3 refused; they wait in the pending queue.</source>
        <translation>Demandes prises pendant l’absence du serveur : %1 envoyées, %2 déjà présentes, %3 refusées ; elles attendent dans la file des demandes.</translation>
    </message>
    <message>
        <source>%1 of them is for a day filled meanwhile: offer that client another date.</source>
        <translation>%1 d’entre elles porte sur un jour rempli entre-temps : proposez une autre date à ce client.</translation>
    </message>
    <message>
        <source>%1 of them are for days filled meanwhile: offer those clients another date.</source>
        <translation>%1 d’entre elles portent sur des jours remplis entre-temps : proposez une autre date à ces clients.</translation>
    </message>
    <message>
        <source>Waiting in the pending queue, their source marked Offline: confirm them there.</source>
        <translation>Dans la file des demandes, avec l’origine Hors ligne&#xa0;: confirmez-les depuis la file.</translation>
    </message>
    <message>
        <source>Requests taken while the server was away</source>
        <translation>Demandes prises pendant l’absence du serveur</translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message>
        <source>No booking is waiting.</source>
        <translation>Aucune demande en attente.</translation>
    </message>
    <message>
        <source>No pending booking matches the filters.</source>
        <translation>Aucune demande ne correspond aux filtres.</translation>
    </message>
    <message>
        <source>The booking of %1 was updated.</source>
        <translation>La réservation de %1 a été modifiée.</translation>
    </message>
    <message>
        <source>The booking you had selected: %1</source>
        <translation>La réservation que vous aviez sélectionnée : %1</translation>
    </message>
    <message>
        <source>%1 of the bookings you had selected were confirmed or cancelled by another workstation a moment ago.</source>
        <translation>%1 des réservations que vous aviez sélectionnées ont été confirmées ou annulées par un autre poste à l’instant.</translation>
    </message>
    <message>
        <source>The filters were cleared to show the new booking.</source>
        <translation>Les filtres ont été effacés pour montrer la nouvelle réservation.</translation>
    </message>
    <message>
        <source>Lists not up to date</source>
        <translation>Listes pas à jour</translation>
    </message>
    <message>
        <source>The outcome of each booking is shown, but the lists could not be read again and may be out of date: use Bookings ▸ Refresh. (%1)</source>
        <translation>Le résultat de chaque réservation est affiché, mais les listes n’ont pas pu être relues et peuvent ne pas être à jour&#xa0;: utilisez Réservations ▸ Actualiser. (%1)</translation>
    </message>
    <message>
        <source>✗ %1: not confirmed. %2</source>
        <translation>✗ %1&#xa0;: non confirmée. %2</translation>
    </message>
    <message>
        <source>✓ %1: confirmed with %2, run by %3.</source>
        <translation>✓ %1&#xa0;: confirmée avec %2, animée par %3.</translation>
    </message>
    <message>
        <source>Booking not confirmed</source>
        <translation>Réservation non confirmée</translation>
    </message>
    <message>
        <source>The booking of %1 was not confirmed. %2</source>
        <translation>La réservation de %1 n’a pas été confirmée. %2</translation>
    </message>
    <message>
        <source>%1 confirmed, %2 not confirmed.</source>
        <translation>%1 confirmée(s), %2 non confirmée(s).</translation>
    </message>
    <message>
        <source>Confirmation report</source>
        <translation>Compte rendu des confirmations</translation>
    </message>
    <message>
        <source>Cancel the pending booking of %1? It will be deleted; the audit log keeps a trace of it.</source>
        <translation>Annuler la demande de réservation de %1&#x202f;? Elle sera supprimée&#x202f;; le journal d’audit en garde la trace.</translation>
    </message>
    <message>
        <source>%1 pending booking cancelled.</source>
        <translation>%1 demande annulée.</translation>
    </message>
    <message>
        <source>%1 pending bookings cancelled.</source>
        <translation>%1 demandes annulées.</translation>
    </message>
    <message>
        <source>%1 booking could not be cancelled.</source>
        <translation>%1 demande n’a pas pu être annulée.</translation>
    </message>
    <message>
        <source>%1 bookings could not be cancelled.</source>
        <translation>%1 demandes n’ont pas pu être annulées.</translation>
    </message>
    <message>
        <source>Cancel pending bookings</source>
        <translation>Annuler des demandes</translation>
    </message>
    <message>
        <source>Offline: only requests taken on this computer show here, none yet.</source>
        <extracomment>On the offline copy, which holds this computer&apos;s requests only. How many bookings wait in all (None: to be counted at the next refresh). The selection an outcome was shown for; another selection clears it.</extracomment>
        <translation>Hors ligne : seules les demandes prises sur cet ordinateur s’affichent ici, aucune pour l’instant.</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Annuler la demande</translation>
    </message>
    <message>
        <source>%1 booking waiting</source>
        <translation>%1 demande en attente</translation>
    </message>
    <message>
        <source>%1 bookings waiting</source>
        <translation>%1 demandes en attente</translation>
    </message>
    <message>
        <source>Cancel %1 pending bookings? They will be deleted; the audit log keeps a trace of them.</source>
        <translation>Annuler %1 demandes de réservation&#x202f;? Elles seront supprimées&#x202f;; le journal d’audit en garde la trace.</translation>
    </message>
    <message>
        <source>Cancel bookings</source>
        <translation>Annuler les demandes</translation>
    </message>
    <message>
        <source>%1: not cancelled. %2</source>
        <translation>%1&#xa0;: non annulée. %2</translation>
    </message>
    <message>
        <source>Cancellation report</source>
        <translation>Compte rendu des annulations</translation>
    </message>
</context>
<context>
    <name>PendingQueuePanel</name>
    <message>
        <source>Pending bookings</source>
        <extracomment>The Print button&apos;s tooltip when printing works (the window&apos;s command sets it). How many bookings wait in all, whatever the filters show.</extracomment>
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>The bookings waiting for confirmation. The arrow keys select, Shift or Ctrl select several, Enter opens the booking, Tab goes to the buttons.</source>
        <translation>Les réservations en attente de confirmation. Les flèches sélectionnent, Maj ou Ctrl en sélectionnent plusieurs, Entrée ouvre la réservation, Tab va aux boutons.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <extracomment>The Confirm button&apos;s tooltip when it can be used (the window&apos;s command sets it). Why Confirm cannot be used in this database (&quot;&quot; when it can).</extracomment>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Cancel the selected pending bookings (Delete)</source>
        <translation>Annuler les demandes choisies (Suppr)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Correct the selected request: date, modules, participants, client, offer</source>
        <translation>Corriger la demande choisie : date, modules, participants, client, offre</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>Reading the bookings</source>
        <translation>Consulter les réservations</translation>
    </message>
    <message>
        <source>Checking availability</source>
        <translation>Vérifier les disponibilités</translation>
    </message>
    <message>
        <source>Creating a booking</source>
        <translation>Créer une réservation</translation>
    </message>
    <message>
        <source>Changing a pending booking</source>
        <translation>Modifier une demande en attente</translation>
    </message>
    <message>
        <source>Cancelling a pending booking</source>
        <translation>Annuler une demande en attente</translation>
    </message>
    <message>
        <source>Adding a client</source>
        <translation>Ajouter un client</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Exporting lists and calendars</source>
        <translation>Exporter des listes et des calendriers</translation>
    </message>
    <message>
        <source>Exporting event bookings</source>
        <translation>Exporter les réservations d’événement</translation>
    </message>
    <message>
        <source>Confirming a booking</source>
        <translation>Confirmer une réservation</translation>
    </message>
    <message>
        <source>Scheduling a mission</source>
        <translation>Planifier une mission</translation>
    </message>
    <message>
        <source>Starting a mission</source>
        <translation>Démarrer une mission</translation>
    </message>
    <message>
        <source>Completing a mission</source>
        <translation>Terminer une mission</translation>
    </message>
    <message>
        <source>Cancelling a mission</source>
        <translation>Annuler une mission</translation>
    </message>
    <message>
        <source>Rescheduling a session</source>
        <translation>Reporter une session</translation>
    </message>
    <message>
        <source>Reallocating a session</source>
        <translation>Réaffecter une session</translation>
    </message>
    <message>
        <source>Importing event bookings</source>
        <translation>Importer des réservations d’événement</translation>
    </message>
    <message>
        <source>Changing reference data</source>
        <translation>Modifier les données de référence</translation>
    </message>
    <message>
        <source>Importing reference data</source>
        <translation>Importer des données de référence</translation>
    </message>
    <message>
        <source>Exporting a snapshot</source>
        <translation>Exporter un instantané</translation>
    </message>
    <message>
        <source>Importing a snapshot</source>
        <translation>Importer un instantané</translation>
    </message>
    <message>
        <source>Generating data</source>
        <translation>Générer des données</translation>
    </message>
    <message>
        <source>Managing users</source>
        <translation>Gérer les utilisateurs</translation>
    </message>
</context>
<context>
    <name>QtDialogs</name>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Welcome to DST Desktop</source>
        <translation>Bienvenue dans DST Desktop</translation>
    </message>
    <message>
        <source>This database is empty.</source>
        <translation>Cette base de données est vide.</translation>
    </message>
    <message>
        <source>Load the demo data to try DST Desktop with regions, setups, operators and bookings around today, or import your own reference data file.</source>
        <translation>Chargez les données de démonstration pour essayer DST Desktop avec des régions, des setups, des opérateurs et des réservations autour d’aujourd’hui, ou importez votre propre fichier de données de référence.</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger la démonstration</translation>
    </message>
    <message>
        <source>Import a reference file…</source>
        <translation>Importer un fichier de référence…</translation>
    </message>
    <message>
        <source>Import an event snapshot…</source>
        <translation>Importer un instantané d’événement…</translation>
    </message>
    <message>
        <source>On the event laptop: take bookings from a snapshot of the office.</source>
        <translation>Sur le portable de l’événement&#xa0;: prendre des réservations à partir d’un instantané du bureau.</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Commencer à vide</translation>
    </message>
    <message>
        <source>Import reference data</source>
        <translation>Importer des données de référence</translation>
    </message>
    <message>
        <source>Reference data (*.json);;All files (*)</source>
        <translation>Données de référence (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 (*.ics);;All files (*)</source>
        <translation>%1 (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 (*.json);;All files (*)</source>
        <translation>%1 (*.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>QtTaskRunner</name>
    <message>
        <source>Please wait</source>
        <extracomment>Quiet work (no dialog) is not announced by the runner&apos;s ``finished``. Emitted after a job&apos;s result (or error) was handled.</extracomment>
        <translation>Veuillez patienter</translation>
    </message>
</context>
<context>
    <name>ReallocationDialog</name>
    <message>
        <source>Each session keeps its day and takes the first free setup or operator of its region. Sessions left for later stay listed under Conflicts.</source>
        <translation>Chaque session garde son jour et prend le premier setup ou opérateur libre de sa région. Les sessions laissées pour plus tard restent listées dans Conflits.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Reallocate ticked</source>
        <translation>Réattribuer les cochées</translation>
    </message>
    <message>
        <source>Reallocate all</source>
        <translation>Tout réattribuer</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>A reason is needed: it is kept with the booking.</source>
        <translation>Un motif est nécessaire&#xa0;: il est gardé avec la réservation.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>Fermer sans rien changer (Échap)</translation>
    </message>
    <message>
        <source>Done with this reason (Enter)</source>
        <translation>Valider avec ce motif (Entrée)</translation>
    </message>
    <message>
        <source>Type the reason first.</source>
        <translation>Tapez d’abord le motif.</translation>
    </message>
</context>
<context>
    <name>ReferenceDataDialog</name>
    <message>
        <source>Reference data</source>
        <translation>Données de référence</translation>
    </message>
    <message>
        <source>Regions, setups, operators, modules, clients and offers. Choose an entry to change it, or press New. An entry taken out of service stays in past bookings.</source>
        <translation>Régions, setups, opérateurs, modules, clients et offres. Choisissez une entrée pour la modifier, ou appuyez sur Nouveau. Une entrée mise hors service reste dans les réservations passées.</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <source>Setups</source>
        <translation>Setups</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>%1: the list and the form</source>
        <translation>%1&#xa0;: la liste et le formulaire</translation>
    </message>
    <message>
        <source>Kinds of reference data</source>
        <translation>Types de données de référence</translation>
    </message>
    <message>
        <source>Regions, setups, operators, modules, clients or offers.</source>
        <translation>Régions, setups, opérateurs, modules, clients ou offres.</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Yes</source>
        <extracomment>Writes the sessions of an operator, setup or region (kind, id) to a calendar file in a language; answers how many events (``presenters.calendar_files.write_calendar_file``). Told of the conflicts a save created, their sessions, and what caused them; answers how many of those sessions are still left on a setup or operator that cannot serve them (the user may have reallocated them meanwhile). The kinds whose entries have a calendar file of their sessions.</extracomment>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1 (next %2)</source>
        <translation>%1 (prochain le %2)</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>%1 jour</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Coming maintenance</source>
        <translation>Maintenances à venir</translation>
    </message>
    <message>
        <source>Coming leave</source>
        <translation>Congés à venir</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Choose the entry to remove in the list.</source>
        <translation>Choisissez dans la liste l’entrée à supprimer.</translation>
    </message>
    <message>
        <source>%1 booking, setup or operator refers to it: it stays.</source>
        <translation>%1 réservation, setup ou opérateur y fait référence&#xa0;: elle reste.</translation>
    </message>
    <message>
        <source>%1 bookings, setups or operators refer to it: it stays.</source>
        <translation>%1 réservations, setups ou opérateurs y font référence&#xa0;: elle reste.</translation>
    </message>
    <message>
        <source>%1 booking refers to it: it stays, for the history. Take it out of service instead.</source>
        <translation>%1 réservation y fait référence&#xa0;: l’entrée reste, pour l’historique. Mettez-la plutôt hors service.</translation>
    </message>
    <message>
        <source>%1 bookings refer to it: it stays, for the history. Take it out of service instead.</source>
        <translation>%1 réservations y font référence&#xa0;: l’entrée reste, pour l’historique. Mettez-la plutôt hors service.</translation>
    </message>
    <message>
        <source>%1 booking refers to it: it stays, for the history.</source>
        <translation>%1 réservation y fait référence&#xa0;: l’entrée reste, pour l’historique.</translation>
    </message>
    <message>
        <source>%1 bookings refer to it: it stays, for the history.</source>
        <translation>%1 réservations y font référence&#xa0;: l’entrée reste, pour l’historique.</translation>
    </message>
    <message>
        <source>Export a calendar</source>
        <translation>Exporter un calendrier</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>%1 event of %2 written to %3.</source>
        <translation>%1 événement de %2 écrit dans %3.</translation>
    </message>
    <message>
        <source>%1 events of %2 written to %3.</source>
        <translation>%1 événements de %2 écrits dans %3.</translation>
    </message>
    <message>
        <source>Remove an entry</source>
        <translation>Supprimer une entrée</translation>
    </message>
    <message>
        <source>Remove %1 for good? Nothing refers to it yet; it cannot be undone.</source>
        <translation>Supprimer définitivement %1&#xa0;? Rien n’y fait encore référence&#xa0;; c’est irréversible.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Not removed. %1</source>
        <translation>Non supprimée. %1</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>Entrée «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>Give the new entry a name.</source>
        <translation>Donnez un nom à la nouvelle entrée.</translation>
    </message>
    <message>
        <source>The identifier %1 is already used: choose another one, or leave it empty to have one made from the name.</source>
        <translation>L’identifiant %1 est déjà pris&#xa0;: choisissez-en un autre, ou laissez-le vide pour qu’il soit tiré du nom.</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Non enregistré. %1</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>%1 confirmed session can no longer be served as planned.</source>
        <translation>%1 session confirmée ne peut plus être assurée comme prévu.</translation>
    </message>
    <message>
        <source>%1 confirmed sessions can no longer be served as planned.</source>
        <translation>%1 sessions confirmées ne peuvent plus être assurées comme prévu.</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>L’enregistrement de %1</translation>
    </message>
</context>
<context>
    <name>ReferenceKind</name>
    <message>
        <source>Regions</source>
        <extracomment>What each exchange command does, for the login&apos;s rights (SPEC 10).</extracomment>
        <translation>Régions</translation>
    </message>
    <message>
        <source>Setups</source>
        <translation>Setups</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
</context>
<context>
    <name>ReferenceTab</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Show only the entries whose name, region or identifier holds the words.</source>
        <translation>N’afficher que les entrées dont le nom, la région ou l’identifiant contient les mots.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Choose an entry with the arrow keys to change it in the form beside.</source>
        <translation>Choisissez une entrée avec les flèches pour la modifier dans le formulaire à côté.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>An entry out of service is not offered for new bookings; past ones keep it.</source>
        <translation>Une entrée hors service n’est plus proposée pour les nouvelles réservations&#xa0;; les anciennes la gardent.</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Ajouter le jour</translation>
    </message>
    <message>
        <source>Add the date beside to the list (Enter)</source>
        <translation>Ajouter la date à côté à la liste (Entrée)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Take the days selected in the list out of it (Del in the list)</source>
        <translation>Retirer de la liste les jours sélectionnés (Suppr dans la liste)</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>The identifier in files and bookings; left empty, it is made from the name.</source>
        <translation>L’identifiant dans les fichiers et les réservations&#xa0;; laissé vide, il est tiré du nom.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>The name shown everywhere.</source>
        <translation>Le nom affiché partout.</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>The region it is based in.</source>
        <translation>La région où il est basé.</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>The most participants the module takes.</source>
        <translation>Le nombre maximal de participants du module.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>The client&apos;s e-mail address.</source>
        <translation>L’adresse e-mail du client.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>The client&apos;s phone number.</source>
        <translation>Le numéro de téléphone du client.</translation>
    </message>
    <message>
        <source>Maintenance days</source>
        <translation>Jours de maintenance</translation>
    </message>
    <message>
        <source>Leave days</source>
        <translation>Jours de congé</translation>
    </message>
    <message>
        <source>The days it cannot be booked; Del takes the selected days out.</source>
        <translation>Les jours où il ne peut pas être réservé&#xa0;; Suppr retire les jours sélectionnés.</translation>
    </message>
    <message>
        <source>Day to add</source>
        <translation>Jour à ajouter</translation>
    </message>
    <message>
        <source>Type a date as you write it, or Alt+Down for a calendar; Enter adds it.</source>
        <translation>Tapez une date comme vous l’écrivez, ou Alt+Bas pour un calendrier&#xa0;; Entrée l’ajoute.</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Région&#xa0;:</translation>
    </message>
    <message>
        <source>Maintenance days:</source>
        <translation>Jours de maintenance&#xa0;:</translation>
    </message>
    <message>
        <source>Leave days:</source>
        <translation>Jours de congé&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity (participants):</source>
        <translation>Capacité (participants)&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Calendar (.ics)…</source>
        <translation>Calendrier (.ics)…</translation>
    </message>
    <message>
        <source>Write this entry&apos;s sessions to a calendar file (.ics) that a phone or a calendar program imports; importing it again updates the events</source>
        <translation>Écrire les sessions de cette entrée dans un fichier de calendrier (.ics) qu’un téléphone ou un agenda importe&#xa0;; l’importer à nouveau met les événements à jour</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Start a new entry in the form (Ctrl+N)</source>
        <translation>Commencer une nouvelle entrée (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the entry of the form (Ctrl+S)</source>
        <translation>Enregistrer l’entrée du formulaire (Ctrl+S)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entrées</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 entrées sur %2</translation>
    </message>
    <message>
        <source>Remove this entry, made by mistake (Del in the list)</source>
        <translation>Supprimer cette entrée créée par erreur (Suppr dans la liste)</translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation>tiré du nom</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>One line per booking, with its outcome.</source>
        <translation>Une ligne par réservation, avec son résultat.</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Region id</source>
        <translation>Identifiant région</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Créée (UTC)</translation>
    </message>
    <message>
        <source>Confirmed (UTC)</source>
        <translation>Confirmée (UTC)</translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation>Terminée (UTC)</translation>
    </message>
    <message>
        <source>Cancelled (UTC)</source>
        <translation>Annulée (UTC)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Capacity days</source>
        <translation>Jours de capacité</translation>
    </message>
    <message>
        <source>Days in service</source>
        <translation>Jours en service</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Utilisation %1 to %2</source>
        <translation>Utilisation du %1 au %2</translation>
    </message>
    <message>
        <source>Week %1 (%2)</source>
        <translation>Semaine %1 (%2)</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Par semaine</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>The period ends before it starts: choose a later end.</source>
        <extracomment>The utilisation of each week (None: no capacity that week). Over the whole period. Text for each week&apos;s tooltip (``Week 12: 8 sessions / 10 capacity days``). How a utilisation reads (``43.3 %``), for the bars&apos; labels. Typed values for spreadsheets (numbers, ratios), None where text is all.</extracomment>
        <translation>La période finit avant de commencer : choisissez une fin plus tardive.</translation>
    </message>
    <message>
        <source>The period is too long: a report covers ten years at most.</source>
        <translation>La période est trop longue : un rapport couvre dix ans au plus.</translation>
    </message>
    <message>
        <source>%1 sessions for %2 capacity days: %3 used.</source>
        <translation>%1 sessions pour %2 jours de capacité : %3 utilisés.</translation>
    </message>
    <message>
        <source>%1, week %2 (from %3): %4 sessions, %5 capacity days, %6</source>
        <translation>%1, semaine %2 (à partir du %3) : %4 sessions, %5 jours de capacité, %6</translation>
    </message>
    <message>
        <source>Regions by week</source>
        <translation>Régions par semaine</translation>
    </message>
    <message>
        <source>Setups by week</source>
        <translation>Setups par semaine</translation>
    </message>
    <message>
        <source>Operators by week</source>
        <translation>Opérateurs par semaine</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Capacity days</source>
        <translation>Jours de capacité</translation>
    </message>
    <message>
        <source>Days in service</source>
        <translation>Jours en service</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Utilisation %1 to %2</source>
        <translation>Utilisation du %1 au %2</translation>
    </message>
    <message>
        <source>Reports — utilisation</source>
        <translation>Rapports — utilisation</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre dernier</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Ce trimestre</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>by region</source>
        <translation>par région</translation>
    </message>
    <message>
        <source>by setup</source>
        <translation>par setup</translation>
    </message>
    <message>
        <source>by operator</source>
        <translation>par opérateur</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Preview, print or save the report as a PDF</source>
        <translation>Aperçu, impression ou enregistrement du rapport en PDF</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the figures as an Excel workbook or CSV</source>
        <translation>Enregistrer les chiffres en classeur Excel ou en CSV</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>booking</source>
        <translation>booking</translation>
    </message>
    <message>
        <source>planner</source>
        <translation>planner</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Each language in its own words, as language menus show them (never translated).</extracomment>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of the window, its messages and its printed documents.</source>
        <translation>La langue de la fenêtre, de ses messages et de ses documents imprimés.</translation>
    </message>
    <message>
        <source>Dates are shown the way they are written in the chosen language&apos;s country.</source>
        <translation>Les dates s’affichent comme on les écrit dans le pays de la langue choisie.</translation>
    </message>
</context>
<context>
    <name>SnapshotOptionsDialog</name>
    <message>
        <source>Export snapshot</source>
        <translation>Exporter un instantané</translation>
    </message>
    <message>
        <source>The snapshot carries the reference data, the clients and the office&apos;s allocations to the event laptop, so that it shows realistic availability without a network.</source>
        <translation>L’instantané emporte les données de référence, les clients et les attributions du bureau sur le portable de l’événement, pour qu’il montre des disponibilités réalistes sans réseau.</translation>
    </message>
    <message>
        <source>For example: Salon Milipol 2025</source>
        <translation>Par exemple&#xa0;: Salon Milipol 2025</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Événement&#xa0;:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>The trade fair or open day the snapshot is for.</source>
        <translation>Le salon ou la journée portes ouvertes de l’instantané.</translation>
    </message>
    <message>
        <source>The office&apos;s allocations of this many months from today travel along.</source>
        <translation>Les attributions du bureau sur ce nombre de mois à partir d’aujourd’hui sont emportées.</translation>
    </message>
    <message>
        <source>&amp;Months ahead:</source>
        <translation>&amp;Mois à venir&#xa0;:</translation>
    </message>
    <message>
        <source>Months ahead</source>
        <translation>Mois à venir</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Choisir le fichier…</translation>
    </message>
    <message>
        <source>Choose where to write the snapshot (Enter)</source>
        <translation>Choisir où écrire l’instantané (Entrée)</translation>
    </message>
    <message>
        <source>Name the event first.</source>
        <translation>Nommez d’abord l’événement.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Pending confirmation</source>
        <translation>En attente de confirmation</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
</context>
<context>
    <name>SuggestedDates</name>
    <message>
        <source>Move the booking to %1</source>
        <extracomment>The buttons of the dates shown, in order.</extracomment>
        <translation>Déplacer la réservation au %1</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>The typed value behind a cell&apos;s text (dates, numbers), for spreadsheets. A file was written: what to tell the user (&quot;Table saved to …&quot;), for the window that shows the table to say it where it says such things. The workbook&apos;s sheet name when the title is too long for one (31 characters). Where the last export went (tests and the status bar read it).</extracomment>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the selected rows as text (Ctrl+C)</source>
        <translation>Copier les lignes sélectionnées en texte (Ctrl+C)</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Exporter le tableau…</translation>
    </message>
    <message>
        <source>Save what this table shows as an Excel workbook or a CSV file</source>
        <translation>Enregistrer ce que montre ce tableau en classeur Excel ou en fichier CSV</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Table saved to %1.</source>
        <translation>Tableau enregistré dans %1.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, for any spreadsheet (*.csv)</source>
        <translation>CSV, pour tout tableur (*.csv)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exporter : %1</translation>
    </message>
</context>
<context>
    <name>TableFiles</name>
    <message>
        <source>%1 already exists; it was kept as it was.</source>
        <extracomment>The formats a table can be exported to, by file name suffix.</extracomment>
        <translation>%1 existe déjà ; il a été conservé tel quel.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>Le dossier de %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: the disk is full. Nothing was written.</source>
        <translation>%1 ne peut pas être écrit&#xa0;: le disque est plein. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>%1 is the open database itself: choose another file.</source>
        <translation>%1 est la base de données ouverte elle-même : choisissez un autre fichier.</translation>
    </message>
</context>
<context>
    <name>UtilisationChart</name>
    <message>
        <source>Utilisation:</source>
        <translation>Utilisation :</translation>
    </message>
    <message>
        <source>over capacity</source>
        <translation>au-delà de la capacité</translation>
    </message>
    <message>
        <source>no capacity</source>
        <translation>aucune capacité</translation>
    </message>
    <message>
        <source>Over the whole period</source>
        <translation>Sur toute la période</translation>
    </message>
    <message>
        <source>Nothing to show for this period.</source>
        <translation>Rien à montrer pour cette période.</translation>
    </message>
</context>
<context>
    <name>_BookingsPanel</name>
    <message>
        <source>Details…</source>
        <extracomment>The buttons&apos; enabled states changed (the window&apos;s menu actions follow them). What the last action did; one line whatever its length, so the table keeps its rows (the whole text is in its tooltip).</extracomment>
        <translation>Détails…</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>Imprimer le récapitulatif…</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printing device could not be opened.</source>
        <extracomment>Page margins in millimetres (left, top, right, bottom); the footer sits inside them. Height of the footer band at the bottom of the printable area, in millimetres. Resolution of exported PDFs (text stays vector; this is the grid of positions). The print preview is at most this wide (px): an A4 page, as wide as it prints.</extracomment>
        <translation>L&apos;imprimante n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>{path} already exists; it was kept as it was.</source>
        <translation>{path} existe déjà&#x202f;; il a été gardé tel quel.</translation>
    </message>
    <message>
        <source>{path} cannot be written: the disk is full. Nothing was written.</source>
        <translation>{path} ne peut pas être écrit&#xa0;: le disque est plein. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>{path} is the open database itself: choose another file.</source>
        <translation>{path} est la base de données ouverte elle-même : choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}).</source>
        <translation>Impossible d&apos;écrire {path} ({reason}).</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <extracomment>The printer of each open preview (a preview does not own its printer). The folder of the last PDF written in this run (the next export starts there).</extracomment>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Save this document as a PDF file ({keys})</source>
        <translation>Enregistrer ce document en PDF ({keys})</translation>
    </message>
    <message>
        <source>The PDF was saved as {path}.</source>
        <translation>Le PDF a été enregistré sous {path}.</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <source>Print — {title}</source>
        <translation>Imprimer — {title}</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
</context>
</TS>
