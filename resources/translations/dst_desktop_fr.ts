<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>Mission cancelled</source>
        <translation>Mission annulée</translation>
    </message>
</context>
<context>
    <name>AvailabilityPanelWidget</name>
    <message>
        <source>Availability</source>
        <extracomment>The spin box stops far below the service&apos;s own bound; no session is that large.</extracomment>
        <translation>Disponibilité</translation>
    </message>
</context>
<context>
    <name>BookingDetails</name>
    <message>
        <source>Booking not found</source>
        <extracomment>Cancelling actions are shown apart from the others.</extracomment>
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
        <source>Mark the session of %1 as completed?</source>
        <translation>Marquer la session de %1 comme terminée&#x202f;?</translation>
    </message>
    <message>
        <source>Session marked completed.</source>
        <translation>Session marquée terminée.</translation>
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
        <source>Print summary…</source>
        <translation>Imprimer le récapitulatif…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>BookingFilterBar</name>
    <message>
        <source>Region filter</source>
        <extracomment>How long typing in a search box pauses before the table is filtered, in milliseconds.</extracomment>
        <translation>Filtre par région</translation>
    </message>
    <message>
        <source>Client filter</source>
        <translation>Filtre par client</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre par statut</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
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
        <extracomment>How many free dates the form suggests when the chosen day cannot be booked.</extracomment>
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
        <source>Participants: %1 of %2 at most (limited by %3)</source>
        <translation>Participants&#xa0;: %1 sur %2 au maximum (limité par %3)</translation>
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
        <source>Booking for %1 on %2 created: it waits in the pending queue.</source>
        <translation>Réservation de %1 pour le %2 créée&#xa0;: elle attend dans la file des demandes.</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Type to search clients…</source>
        <translation>Tapez pour chercher un client…</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>&amp;Participants&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Offer:</source>
        <translation>&amp;Offre&#xa0;:</translation>
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
        <source>Create booking</source>
        <translation>Créer la réservation</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Sans offre</translation>
    </message>
</context>
<context>
    <name>BookingList</name>
    <message>
        <source>%1 on %2 (%3)</source>
        <extracomment>The browser shows at most this many sessions; narrower filters show the rest.</extracomment>
        <translation>%1 le %2 (%3)</translation>
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
</context>
<context>
    <name>BookingTable</name>
    <message>
        <source>Date</source>
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
        <extracomment>Where each day was last painted, for its tooltip.</extracomment>
        <translation>Où et quand</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
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
        <source>several free</source>
        <translation>plusieurs libres</translation>
    </message>
    <message>
        <source>one free</source>
        <translation>un seul libre</translation>
    </message>
    <message>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>past</source>
        <translation>passé</translation>
    </message>
    <message>
        <source>figure: setups still free</source>
        <translation>chiffre&#xa0;: setups encore libres</translation>
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
    <name>Failure</name>
    <message>
        <source>Every setup or operator of %1 is already taken on %2.</source>
        <translation>Tous les setups ou tous les opérateurs de %1 sont déjà pris le %2.</translation>
    </message>
    <message>
        <source>Every setup or operator is already taken that day.</source>
        <translation>Tous les setups ou tous les opérateurs sont déjà pris ce jour-là.</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database is empty: add regions, setups and operators with Data ▸ Reference data.</source>
        <translation>La base est vide&#xa0;: ajoutez régions, setups et opérateurs avec Données ▸ Données de référence.</translation>
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
        <source>%1 is not a reference data file (not text).</source>
        <translation>%1 n’est pas un fichier de données de référence (ce n’est pas du texte).</translation>
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
        <extracomment>Called with a language code when the user picks another language; the application rebuilds the window in that language. None: applies at next start.</extracomment>
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>All bookings</source>
        <translation>Toutes les réservations</translation>
    </message>
    <message>
        <source>Pending bookings (%1)</source>
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
        <source>&amp;Print booking summary…</source>
        <translation>Im&amp;primer le récapitulatif…</translation>
    </message>
    <message>
        <source>Print &amp;day sheet…</source>
        <translation>Imprimer la &amp;feuille du jour…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Pa&amp;ramètres…</translation>
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
        <source>C&amp;ancel selected bookings…</source>
        <translation>&amp;Annuler les réservations choisies…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Re&amp;chercher…</translation>
    </message>
    <message>
        <source>&amp;All bookings</source>
        <translation>&amp;Toutes les réservations</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>&amp;Reference data…</source>
        <translation>Données de &amp;référence…</translation>
    </message>
    <message>
        <source>&amp;About DST Desktop</source>
        <translation>À &amp;propos de DST Desktop</translation>
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
        <translation>Patientez&#xa0;: DST Desktop se fermera une fois le travail en cours terminé.</translation>
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
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Confirm the selected bookings (Ctrl+Enter)</source>
        <translation>Confirmer les demandes choisies (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Cancel the selected pending bookings (Delete)</source>
        <translation>Annuler les demandes choisies (Suppr)</translation>
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
</context>
<context>
    <name>QtTaskRunner</name>
    <message>
        <source>Please wait</source>
        <extracomment>Emitted after a job&apos;s result (or error) was handled.</extracomment>
        <translation>Veuillez patienter</translation>
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
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Yes</source>
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
</context>
<context>
    <name>ReferenceKind</name>
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
</context>
<context>
    <name>ReferenceTab</name>
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
        <source>Add day</source>
        <translation>Ajouter le jour</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
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
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>made from the name</source>
        <translation>tiré du nom</translation>
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
        <source>Dates are shown the way they are written in the chosen language&apos;s country.</source>
        <translation>Les dates s’affichent comme on les écrit dans le pays de la langue choisie.</translation>
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
        <source>Move the booking to this date</source>
        <translation>Déplacer la réservation à cette date</translation>
    </message>
</context>
<context>
    <name>_BookingsPanel</name>
    <message>
        <source>Details…</source>
        <extracomment>The buttons&apos; enabled states changed (the window&apos;s menu actions follow them).</extracomment>
        <translation>Détails…</translation>
    </message>
    <message>
        <source>Open the selected booking (Ctrl+I)</source>
        <translation>Ouvrir la réservation choisie (Ctrl+I)</translation>
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
        <extracomment>Page margins in millimetres (left, top, right, bottom); the footer sits inside them. Height of the footer band at the bottom of the printable area, in millimetres. Resolution of exported PDFs (text stays vector; this is the grid of positions).</extracomment>
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
        <source>{path} cannot be written ({reason}).</source>
        <translation>Impossible d&apos;écrire {path} ({reason}).</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Save this document as a PDF file</source>
        <translation>Enregistrer ce document dans un fichier PDF</translation>
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
