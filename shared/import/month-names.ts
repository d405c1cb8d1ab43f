/**
 * Month names and their usual abbreviations in the languages of header-synonyms.ts, accents
 * removed (so "Mär", "févr", "déc", "paź" are found as "mar", "fevr", "dec", "paz"). No word
 * means two months: "mar" is March in every language that uses it, "set" September (it/pt/es),
 * "out" October (pt), "ago" August (es/it/pt), "sie" August (pl).
 */
const MONTH_WORDS: readonly string[] = [
  'jan january januar janvier janv janner ene enero gen gennaio januari janeiro sty styczen stycznia',
  'feb february februar fevrier fevr fev febrero febbraio februari fevereiro lut luty lutego',
  'mar march marz mrz mars marzo mrt maart marco marzec marca marts',
  'apr april avr avril abr abril aprile kwi kwiecien kwietnia',
  'may mai mayo mag maggio mei maio maj',
  'jun june juni juin junio giu giugno junho cze czerwiec czerwca',
  'jul july juli juil juillet julio lug luglio julho lip lipiec lipca',
  'aug august aout ago agosto augustus augusti sie sierpien sierpnia',
  'sep sept september septembre septiembre set settembre setiembre setembro wrz wrzesien wrzesnia',
  'oct october oktober octobre octubre ott ottobre okt out outubro paz pazdziernik pazdziernika',
  'nov november novembre noviembre novembro lis listopad listopada',
  'dec december dezember dez decembre dic diciembre dicembre dezembro gru grudzien grudnia',
];

const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap((words, i) => words.split(' ').map((w) => [w, i + 1] as const)));

/** 1-12 for a month word ("Jun", "juin.", "Mär", "Dezember"), null for anything else. */
export function monthNumber(word: string): number | null {
  const key = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return MONTHS.get(key) ?? null;
}

export const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
