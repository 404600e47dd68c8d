/**
 * What the demo workshop says: a city administration's first AI-strategy day.
 * Plain data, placed on the boards by buildDemo.ts. A card that is brought onto
 * a later board names its original by `from` (its exact text), as the app's
 * "copy to board" does.
 */
import type { CanvasValue, NoteColor, NoteFacts } from '../../renderer/src/domain/types';

export const PARTICIPANTS = `Name\tOrganisationseinheit\tRolle
Dr. Annette Brückner\tSenatskanzlei, Ref. Digitalisierung\tAuftraggeberin
Łukasz Wróbel\tUniversität, Institut für Verwaltungsinformatik\tWissenschaft
Şükrü Öztürk\tBürgeramt Mitte\tFachamt
Zoë Martens\tFinanzbehörde, IT-Steuerung\tIT
Jürgen Haß\tPersonalrat\tBeschäftigtenvertretung
Mira Okonkwo\tDatenschutzbeauftragte\tBeratung
Henrike Sommerfeld\tBauprüfamt\tFachamt`;

export interface DemoCard {
  text: string;
  color?: NoteColor;
  facts?: NoteFacts;
}

/** Vision statements: clusters first, then the pool (not grouped). */
export const VISION: { clusters: Array<{ title: string; cards: DemoCard[] }>; pool: DemoCard[] } = {
  clusters: [
    {
      title: 'Bürgerinnen, Bürger und Unternehmen',
      cards: [
        { text: 'Anträge rund um die Uhr digital stellen – mit verständlicher Rückmeldung zum Stand' },
        { text: 'Gewerbeanmeldung in einem Tag statt in drei Wochen', color: 'green' },
        { text: 'Bescheide in verständlicher Sprache, auf Wunsch in Leichter Sprache' },
      ],
    },
    {
      title: 'Beschäftigte',
      cards: [
        { text: 'Routinearbeit übernimmt die KI – mehr Zeit für schwierige Fälle und Beratung' },
        { text: 'Niemand verliert durch KI seinen Arbeitsplatz; Qualifizierung für alle', color: 'pink' },
      ],
    },
    {
      title: 'Werte und Leitplanken',
      cards: [
        {
          text: 'Menschen entscheiden, KI unterstützt – jede Entscheidung bleibt nachvollziehbar',
          color: 'purple',
        },
        { text: 'Datenschutz und EU-KI-Verordnung von Anfang an mitdenken', color: 'purple' },
      ],
    },
  ],
  pool: [
    { text: 'Posteingang wird automatisch vorsortiert und dem richtigen Fachamt zugeordnet' },
    { text: 'Medienbruchfreie Akte von der Antragstellung bis zum Bescheid' },
    { text: 'Gemeinsame KI-Plattform für alle Ämter statt Insellösungen', color: 'blue' },
  ],
};

/** The statements the agreed vision was written from. */
export const VISION_SOURCES = [
  'Anträge rund um die Uhr digital stellen – mit verständlicher Rückmeldung zum Stand',
  'Routinearbeit übernimmt die KI – mehr Zeit für schwierige Fälle und Beratung',
  'Niemand verliert durch KI seinen Arbeitsplatz; Qualifizierung für alle',
  'Menschen entscheiden, KI unterstützt – jede Entscheidung bleibt nachvollziehbar',
  'Datenschutz und EU-KI-Verordnung von Anfang an mitdenken',
];

export const VISION_TEXT = `Im Jahr 2030 **entlastet KI die Beschäftigten und beschleunigt unsere Verfahren** – entschieden wird von Menschen, nachvollziehbar und datenschutzgerecht.

Dafür gilt:
- Bürgerinnen, Bürger und Unternehmen stellen Anträge rund um die Uhr digital und erfahren jederzeit den Stand.
- Routinearbeit übernimmt die KI; die Beschäftigten gewinnen Zeit für *schwierige Fälle und Beratung*.
- Niemand verliert durch KI seinen Arbeitsplatz, alle werden qualifiziert.
- Datenschutz und EU-KI-Verordnung sind von Anfang an Teil jedes Vorhabens.`;

export const VISION_DECISION =
  'Leitbild: „KI entlastet die Beschäftigten und beschleunigt Verfahren – entschieden wird von Menschen, nachvollziehbar und datenschutzgerecht.“';

/** Inventory cards by row (department) and column (maturity); `tray` is not placed yet. */
export const INVENTORY: {
  cells: Array<{ row: string; column: string; cards: DemoCard[] }>;
  tray: DemoCard[];
} = {
  cells: [
    {
      row: 'Bürgerservice und Bürgerämter',
      column: 'Digitalisiert',
      cards: [
        {
          text: 'Bürgeranfragen per E-Mail: 38.000 pro Jahr, manuelle Zuordnung',
          color: 'orange',
          facts: {
            process: 'Bürgeranfragen per E-Mail',
            casesPerYear: 38_000,
            painPoint: 'Zuordnung zum Fachamt von Hand, im Schnitt zwei Tage Liegezeit',
          },
        },
        {
          text: 'Terminvergabe online, Abgleich mit dem Fachverfahren per Telefon',
          facts: {
            process: 'Terminvergabe',
            casesPerYear: 310_000,
            painPoint: 'Doppelbuchungen und No-Shows',
          },
        },
      ],
    },
    {
      row: 'Bürgerservice und Bürgerämter',
      column: 'Medienbruchfrei',
      cards: [
        {
          text: 'Kfz-Zulassung: i-Kfz durchgängig digital',
          facts: {
            process: 'Kfz-Zulassung',
            casesPerYear: 52_000,
            painPoint: 'Nur 18 % nutzen den Online-Weg',
          },
        },
      ],
    },
    {
      row: 'Bürgerservice und Bürgerämter',
      column: 'Datengetrieben',
      cards: [
        {
          text: 'Dashboard zu Bearbeitungszeiten im Bürgeramt (monatlich)',
          facts: {
            process: 'Steuerung Bürgeramt',
            casesPerYear: null,
            painPoint: 'Zahlen kommen erst einen Monat später',
          },
        },
      ],
    },
    {
      row: 'Soziales und Leistungen',
      column: 'Analog',
      cards: [
        {
          text: 'Elterngeld: Papierantrag mit bis zu zwölf Nachweisen',
          facts: {
            process: 'Elterngeld',
            casesPerYear: 9_800,
            painPoint: 'Unvollständige Anträge, viele Rückfragen',
          },
        },
      ],
    },
    {
      row: 'Soziales und Leistungen',
      column: 'Digitalisiert',
      cards: [
        {
          text: 'Wohngeld: Online-Antrag, aber Ausdruck und erneute Erfassung im Fachverfahren',
          facts: {
            process: 'Wohngeldantrag',
            casesPerYear: 12_500,
            painPoint: 'Doppelte Erfassung, neun Wochen Bearbeitungszeit',
          },
        },
      ],
    },
    {
      row: 'Soziales und Leistungen',
      column: 'KI-unterstützt',
      cards: [
        {
          text: 'Pilot: Übersetzung von Bescheiden in Leichte Sprache',
          color: 'blue',
          facts: {
            process: 'Bescheide der Grundsicherung',
            casesPerYear: 21_000,
            painPoint: 'Bescheide werden nicht verstanden, viele Widersprüche',
          },
        },
      ],
    },
    {
      row: 'Bauen und Genehmigungen',
      column: 'Analog',
      cards: [
        {
          text: 'Bauantragsprüfung: Papierakten, ca. 4.200 Anträge pro Jahr, Rückfragen per Post',
          color: 'orange',
          facts: {
            process: 'Bauantrag',
            casesPerYear: 4_200,
            painPoint: 'Rund 60 % der Anträge kommen unvollständig an',
          },
        },
      ],
    },
    {
      row: 'Bauen und Genehmigungen',
      column: 'Digitalisiert',
      cards: [
        {
          text: 'Beteiligung der Fachämter per Umlaufmappe, eingescannt',
          facts: {
            process: 'Fachamtsbeteiligung',
            casesPerYear: 4_200,
            painPoint: 'Wochenlange Liegezeiten zwischen den Ämtern',
          },
        },
      ],
    },
    {
      row: 'Personal und Organisation',
      column: 'Analog',
      cards: [
        {
          text: 'Dienstreiseanträge auf Papier mit drei Unterschriften',
          facts: {
            process: 'Dienstreiseantrag',
            casesPerYear: 6_000,
            painPoint: 'Laufzeit bis zu drei Wochen',
          },
        },
      ],
    },
    {
      row: 'Personal und Organisation',
      column: 'Digitalisiert',
      cards: [
        {
          text: 'Bewerbungen über das Bewerbungsportal, Sichtung von Hand',
          facts: {
            process: 'Stellenbesetzung',
            casesPerYear: 1_400,
            painPoint: 'Bis zu 200 Bewerbungen je Stelle',
          },
        },
      ],
    },
    {
      row: 'Finanzen und Steuern',
      column: 'Medienbruchfrei',
      cards: [
        {
          text: 'E-Rechnung: Eingang und Freigabe im Workflow',
          facts: { process: 'Rechnungseingang', casesPerYear: 85_000, painPoint: 'Kontierung noch von Hand' },
        },
      ],
    },
    {
      row: 'Finanzen und Steuern',
      column: 'Datengetrieben',
      cards: [{ text: 'Haushaltscontrolling mit monatlichem Berichtswesen' }],
    },
  ],
  tray: [
    {
      text: 'Ausländerbehörde: Aufenthaltstitel – Reifegrad noch offen',
      facts: {
        process: 'Aufenthaltstitel',
        casesPerYear: 27_000,
        painPoint: 'Monatelange Wartezeit auf einen Termin',
      },
    },
    { text: 'Jugendamt: Fallakten – Zahlen folgen zur zweiten Sitzung' },
  ],
};

/** A card of the focus board: new text, or a copy of a vision or inventory card (`from`). */
export type FocusCard = DemoCard | { from: string };

export interface DemoCluster {
  title: string;
  /** Promoted to a focus area, with this description. */
  focusArea?: string;
  cards: FocusCard[];
}

/** The focus board: the template's four clusters (by title) and one more, then the pool. */
export const FOCUS: { clusters: DemoCluster[]; pool: FocusCard[] } = {
  clusters: [
    {
      title: 'Schnellere Fallbearbeitung',
      focusArea:
        'Anträge kommen vollständig an und werden mit KI-Assistenz vorbereitet; entschieden wird in der Sachbearbeitung.',
      cards: [
        { from: 'Bauantragsprüfung: Papierakten, ca. 4.200 Anträge pro Jahr, Rückfragen per Post' },
        { from: 'Wohngeld: Online-Antrag, aber Ausdruck und erneute Erfassung im Fachverfahren' },
        { text: 'Automatische Vollständigkeitsprüfung eingehender Anträge', color: 'green' },
        { text: 'KI-Assistenz schlägt Bescheidentwürfe vor, Sachbearbeitung prüft' },
      ],
    },
    {
      title: 'Kürzere Verfahren',
      cards: [
        { from: 'Beteiligung der Fachämter per Umlaufmappe, eingescannt' },
        { from: 'Medienbruchfreie Akte von der Antragstellung bis zum Bescheid' },
        { text: 'Digitale Beteiligung der Fachämter im Bauverfahren statt Umlaufmappe' },
      ],
    },
    {
      title: 'Entlastung der Beschäftigten',
      focusArea:
        'KI übernimmt Routine im Posteingang und in der Sichtung, damit Zeit für Beratung und schwierige Fälle bleibt.',
      cards: [
        { from: 'Routinearbeit übernimmt die KI – mehr Zeit für schwierige Fälle und Beratung' },
        { from: 'Bürgeranfragen per E-Mail: 38.000 pro Jahr, manuelle Zuordnung' },
        { from: 'Posteingang wird automatisch vorsortiert und dem richtigen Fachamt zugeordnet' },
        { text: 'Posteingang vorsortieren und Dubletten erkennen', color: 'green' },
      ],
    },
    {
      title: 'Besserer Service für Bürger und Unternehmen',
      focusArea:
        'Verständliche Bescheide und Antworten rund um die Uhr – mit Übergabe an Menschen, wenn es nötig ist.',
      cards: [
        { from: 'Anträge rund um die Uhr digital stellen – mit verständlicher Rückmeldung zum Stand' },
        { from: 'Pilot: Übersetzung von Bescheiden in Leichte Sprache' },
        { text: 'Chat-Assistent beantwortet Standardfragen rund um die Uhr, mit Übergabe an Menschen' },
      ],
    },
    {
      title: 'Daten und Plattform',
      cards: [
        { from: 'Gemeinsame KI-Plattform für alle Ämter statt Insellösungen' },
        { text: 'Datenkatalog: welche Daten liegen wo, in welcher Qualität?' },
      ],
    },
  ],
  pool: [
    { text: 'Rechtssichere Textbausteine zentral pflegen' },
    { from: 'Dienstreiseanträge auf Papier mit drei Unterschriften' },
  ],
};

export interface DemoIdea {
  title: string;
  /** The focus area's title. */
  focusArea: string;
  fields: Record<string, CanvasValue>;
  /** Field key → texts of focus-board cards dragged onto it. */
  sources: Array<{ field: string; card: string }>;
}

/** The canvas template of the demo's project ideas (assets/canvases). */
export const IDEA_TEMPLATE = 'ki-projektsteckbrief';

export const IDEAS: DemoIdea[] = [
  {
    title: 'Vollständigkeits-Check für Bauanträge',
    focusArea: 'Schnellere Fallbearbeitung',
    fields: {
      problem:
        'Rund 60 % der 4.200 Bauanträge im Jahr kommen unvollständig an; Nachforderungen per Post verlängern das Verfahren um Wochen.',
      approach:
        'Eine KI prüft die eingereichten Unterlagen gegen die Checkliste der Bauvorlagenverordnung und meldet fehlende Nachweise sofort zurück. Über den Antrag entscheidet weiter das Bauprüfamt.',
      beneficiaries: 'Antragstellende, Architekturbüros, Bauprüfamt',
      data: 'Anonymisierte Bauanträge 2024–2026 aus dem Fachverfahren, Checklisten des Bauprüfamts',
      owner: 'Bauprüfamt mit dem IT-Dienstleister',
      hoursSaved: 2_600,
      daysSaved: 21,
      benefit: 'Weniger Rückfragen, planbare Verfahren, mehr Zeit für die fachliche Prüfung.',
      riskTier: 'minimal',
      risks:
        'Falsche Hinweise könnten Antragstellende verunsichern; jede Rückmeldung nennt deshalb die Vorschrift.',
      personalData: true,
      dpia: 'check',
      effort: 'Pilot in 9 Monaten',
      cost: 180_000,
      success: 'Anteil vollständiger Anträge beim Ersteingang steigt von 40 % auf 80 %.',
      nextSteps: 'Pilot mit 200 Anträgen im Bauprüfamt; Personalrat frühzeitig beteiligen.',
    },
    sources: [
      {
        field: 'problem',
        card: 'Bauantragsprüfung: Papierakten, ca. 4.200 Anträge pro Jahr, Rückfragen per Post',
      },
      { field: 'approach', card: 'Automatische Vollständigkeitsprüfung eingehender Anträge' },
    ],
  },
  {
    title: 'Intelligenter Posteingang für Bürgeranfragen',
    focusArea: 'Entlastung der Beschäftigten',
    fields: {
      problem:
        '38.000 E-Mails im Jahr werden von Hand gelesen und weitergeleitet; bis zur Zuordnung vergehen im Schnitt zwei Tage.',
      approach:
        'Ein Sprachmodell im eigenen Rechenzentrum schlägt das zuständige Fachamt vor und erkennt Dubletten; die Poststelle bestätigt oder korrigiert.',
      beneficiaries: 'Poststelle, alle Fachämter, Bürgerinnen und Bürger',
      data: 'Posteingang 2026 (pseudonymisiert), Zuständigkeitsverzeichnis',
      owner: 'Bürgeramt Mitte mit der Datenschutzbeauftragten',
      hoursSaved: 4_100,
      daysSaved: 2,
      benefit: 'Antworten kommen schneller; die Poststelle gewinnt Zeit für schwierige Anliegen.',
      riskTier: 'minimal',
      risks:
        'Fehlzuordnungen verzögern einzelne Anfragen; Stichproben und eine Rückfalllösung sind vorgesehen.',
      personalData: true,
      dpia: 'yes',
      effort: 'etwa 6 Monate',
      success: 'Neun von zehn Anfragen liegen nach einer Stunde im richtigen Fachamt.',
      nextSteps: 'Datenschutz-Folgenabschätzung vorprüfen; Zuordnungsregeln mit den Fachämtern abstimmen.',
    },
    sources: [
      { field: 'problem', card: 'Bürgeranfragen per E-Mail: 38.000 pro Jahr, manuelle Zuordnung' },
      { field: 'approach', card: 'Posteingang vorsortieren und Dubletten erkennen' },
    ],
  },
  {
    title: 'Bescheide in Leichter Sprache',
    focusArea: 'Besserer Service für Bürger und Unternehmen',
    fields: {
      problem:
        'Bescheide der Grundsicherung werden oft nicht verstanden; viele Widersprüche beruhen auf Missverständnissen.',
      approach:
        'Der Pilot zur Leichten Sprache wird auf alle Bescheide ausgeweitet; eine Sachbearbeiterin prüft jede Fassung vor dem Versand.',
      beneficiaries: 'Leistungsberechtigte, Sozialamt, Widerspruchsstelle',
      data: 'Textbausteine der Bescheide, Übersetzungen aus dem Pilot',
      owner: 'Sozialamt mit der Senatskanzlei',
      benefit: 'Verständliche Bescheide, weniger Widersprüche, weniger Anrufe.',
      riskTier: 'transparency',
      risks: 'KI-erstellte Texte müssen gekennzeichnet und vor dem Versand geprüft werden.',
      personalData: false,
      dpia: 'no',
      effort: '4 Monate',
      success: '20 % weniger Widersprüche gegen Bescheide der Grundsicherung.',
      nextSteps: 'Ergebnisse des Piloten auswerten; Kennzeichnung KI-erstellter Texte festlegen.',
    },
    sources: [{ field: 'problem', card: 'Pilot: Übersetzung von Bescheiden in Leichte Sprache' }],
  },
];
