/** Card texts of the benchmark workshops: plausible, different for every card, stable between runs. */
export const SUBJECTS = [
  'Terminvergabe im Bürgeramt',
  'Posteingang der Bauaufsicht',
  'Anträge auf Wohngeld',
  'Beschwerden zur Straßenreinigung',
  'Vergabeakten der Zentralen Beschaffung',
  'Fragen am Servicetelefon',
  'Gewerbeanmeldungen',
  'Protokolle der Ratssitzungen',
  'Reisekostenabrechnungen',
  'Personalakten und Fortbildungen',
];
const VERBS = [
  'automatisch vorsortieren',
  'mit Textbausteinen beantworten',
  'auf Vollständigkeit prüfen',
  'zusammenfassen lassen',
  'in einfache Sprache übersetzen',
  'nach Dringlichkeit ordnen',
  'ohne Medienbruch ablegen',
  'mit Fristen verknüpfen',
];

/** A plausible card text, different for every card and stable between runs. */
export function cardText(index: number): string {
  const subject = SUBJECTS[index % SUBJECTS.length]!;
  const verb = VERBS[Math.floor(index / SUBJECTS.length) % VERBS.length]!;
  return `${subject} ${verb} (Karte ${index + 1})`;
}
