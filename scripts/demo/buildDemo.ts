/**
 * The demo workshop: the AI-strategy template filled with realistic content, as
 * a facilitator would have it after the first workshop day. Built only through
 * the domain commands, so it is exactly what the app itself would store.
 * `npm run demo` writes it as a backup file to assets/demo/.
 */
import { addNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import { addActionItem, addDecision } from '../../renderer/src/domain/decisions';
import { importParticipantList } from '../../renderer/src/domain/participants';
import { resolveTemplate, type WorkshopTemplate } from '../../renderer/src/domain/templates';
import type {
  AgendaItem,
  Board,
  BoardContent,
  Column,
  Note,
  NoteColor,
  Workshop,
} from '../../renderer/src/domain/types';
import { createWorkshop } from '../../renderer/src/domain/workshopCommands';
import template from '../../assets/templates/ki-strategie.json';

/** A fixed moment, so the file only changes when its content does. */
const NOW = Date.UTC(2027, 2, 24, 8, 0, 0);

const PARTICIPANTS = `Name\tOrganisationseinheit\tRolle
Dr. Annette Brückner\tSenatskanzlei, Ref. Digitalisierung\tAuftraggeberin
Łukasz Wróbel\tUniversität, Institut für Verwaltungsinformatik\tWissenschaft
Şükrü Öztürk\tBürgeramt Mitte\tFachamt
Zoë Martens\tFinanzbehörde, IT-Steuerung\tIT
Jürgen Haß\tPersonalrat\tBeschäftigtenvertretung
Mira Okonkwo\tDatenschutzbeauftragte\tBeratung
Henrike Sommerfeld\tBauprüfamt\tFachamt`;

const NOTES: Record<number, Record<string, Array<[string, NoteColor?]>>> = {
  0: {
    'Bürgerinnen, Bürger und Unternehmen': [
      ['Anträge rund um die Uhr digital stellen – mit verständlicher Rückmeldung zum Stand'],
      ['Gewerbeanmeldung in einem Tag statt in drei Wochen', 'green'],
    ],
    Beschäftigte: [
      ['Routinearbeit übernimmt die KI – mehr Zeit für schwierige Fälle und Beratung'],
      ['Niemand verliert durch KI seinen Arbeitsplatz; Qualifizierung für alle', 'pink'],
    ],
    Verwaltungsabläufe: [
      ['Posteingang wird automatisch vorsortiert und dem richtigen Fachamt zugeordnet'],
      ['Medienbruchfreie Akte von der Antragstellung bis zum Bescheid'],
    ],
    'Werte und Leitplanken': [
      ['Menschen entscheiden, KI unterstützt – jede Entscheidung bleibt nachvollziehbar', 'purple'],
      ['Datenschutz und EU-KI-Verordnung von Anfang an mitdenken', 'purple'],
    ],
  },
  1: {
    Analog: [['Bauantragsprüfung: Papierakten, ca. 4.200 Anträge pro Jahr, Rückfragen per Post', 'orange']],
    Digitalisiert: [
      ['Wohngeld: Online-Antrag, aber Ausdruck und erneute Erfassung im Fachverfahren'],
      ['Bürgeranfragen per E-Mail: 38.000 pro Jahr, manuelle Zuordnung', 'orange'],
    ],
    Medienbruchfrei: [['Kfz-Zulassung: i-Kfz durchgängig digital']],
    Datengetrieben: [['Dashboard zu Bearbeitungszeiten im Bürgeramt (monatlich)']],
    'KI-unterstützt': [['Pilot: Übersetzung von Bescheiden in Leichte Sprache', 'blue']],
  },
  2: {
    Sammlung: [['Rechtssichere Textbausteine zentral pflegen']],
    'Schnellere Fallbearbeitung': [
      ['Automatische Vollständigkeitsprüfung eingehender Anträge'],
      ['KI-Assistenz schlägt Bescheidentwürfe vor, Sachbearbeitung prüft'],
    ],
    'Kürzere Verfahren': [['Digitale Beteiligung der Fachämter im Bauverfahren statt Umlaufmappe']],
    'Entlastung der Beschäftigten': [['Posteingang vorsortieren und Dubletten erkennen']],
    'Besserer Service für Bürger und Unternehmen': [
      ['Chat-Assistent beantwortet Standardfragen rund um die Uhr, mit Übergabe an Menschen'],
    ],
  },
  3: {
    Ideen: [['Vollständigkeits-Check für Bauanträge (Pilot im Bauprüfamt)', 'green']],
    'In Ausarbeitung': [['Intelligenter Posteingang für Bürgeranfragen', 'green']],
    Ausgewählt: [['Leichte Sprache für Bescheide ausweiten', 'green']],
  },
};

function rowsOf<T>(changes: readonly Change[], table: Change['table']): T[] {
  return changes.filter((c) => c.table === table && c.after).map((c) => c.after as T);
}

export function buildDemoChanges(): { workshop: Workshop; changes: Change[] } {
  const created = createWorkshop({
    fields: {
      title: 'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)',
      date: '2027-03-24',
      place: 'Rathaus, Festsaal',
      organisation: 'Senatskanzlei und Universität',
      facilitators: 'Katrin Albers, Tobias Reimann',
      minuteTaker: 'Selin Yıldız',
    },
    template: resolveTemplate(template as WorkshopTemplate, 'de'),
    sessionTitle: 'Sitzung 1: Auftakt',
    now: NOW,
  });
  const changes: Change[] = [...created.changes];
  const workshop = created.workshop;
  const boards = rowsOf<Board>(changes, 'boards');
  const columns = rowsOf<Column>(changes, 'columns');

  boards.forEach((board, index) => {
    let content: BoardContent = {
      board,
      columns: columns.filter((c) => c.boardId === board.id),
      notes: [],
    };
    for (const [columnTitle, notes] of Object.entries(NOTES[index] ?? {})) {
      const column = content.columns.find((c) => c.title === columnTitle);
      if (!column) throw new Error(`No column ${columnTitle} on ${board.title}`);
      for (const [text, color] of notes) {
        const added = addNote(content, { columnId: column.id, text, color: color ?? 'yellow', now: NOW });
        changes.push(...added.changes);
        content = { ...content, notes: [...content.notes, added.note as Note] };
      }
    }
  });

  changes.push(...importParticipantList(workshop, [], PARTICIPANTS, NOW).changes);

  const agenda = rowsOf<AgendaItem>(changes, 'agendaItems');
  // The morning is done: the first items have their recorded times.
  const spent = [16, 28, 35, 15, 47];
  agenda.forEach((item, i) => {
    const minutes = spent[i];
    if (minutes !== undefined) item.elapsedMs = minutes * 60_000;
  });
  const session = rowsOf<{ startTime: string }>(changes, 'sessions')[0];
  if (session) session.startTime = '09:00';

  const visionItem = agenda.find((a) => a.title === 'Vision: Leitbild formulieren');
  changes.push(
    ...addDecision({
      workshopId: workshop.id,
      fields: {
        text: 'Leitbild: „KI entlastet die Beschäftigten und beschleunigt Verfahren – entschieden wird von Menschen, nachvollziehbar und datenschutzgerecht.“',
        date: '2027-03-24',
        agendaItemId: visionItem?.id ?? null,
      },
      agendaItems: agenda,
      now: NOW,
    }).changes,
    ...addDecision({
      workshopId: workshop.id,
      fields: {
        text: 'Die Bestandsaufnahme wird bis zur zweiten Sitzung um das Jugendamt und die Ausländerbehörde ergänzt.',
        date: '2027-03-24',
        agendaItemId: null,
      },
      now: NOW,
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Şükrü Öztürk',
        task: 'Fallzahlen und Bearbeitungszeiten des Bürgeramts für 2026 bereitstellen',
        due: '2027-04-15',
        status: 'open',
      },
      now: NOW,
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Mira Okonkwo',
        task: 'Datenschutz-Folgenabschätzung für den intelligenten Posteingang vorprüfen',
        due: '2027-05-06',
        status: 'doing',
      },
      now: NOW,
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Dr. Annette Brückner',
        task: 'Termin für Sitzung 2 abstimmen',
        due: '2027-03-31',
        status: 'done',
      },
      now: NOW,
    }).changes,
  );
  return { workshop, changes };
}
