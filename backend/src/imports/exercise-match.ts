// How an exercise name from another app is matched to the catalog. Pure: the service loads the
// catalog once per import and asks `matchCatalog` for each distinct name.
//
// Strong and Hevy write the equipment in brackets after the movement ("Bench Press (Dumbbell)"),
// where our catalog puts it first ("Dumbbell Bench Press") or leaves it out when the movement has
// one usual piece ("Lat Pulldown" is a cable exercise). Names are compared in their search form
// (exercises/search.ts: case, accents, spacing and punctuation ignored), so "Pull-Up", "pull up"
// and "PULL UP!" are one name.
import type { Equipment } from '../exercises/kinds';
import { toSearchName } from '../exercises/search';

export interface CatalogEntry {
  id: string;
  searchName: string;
  equipment: Equipment;
}

/** The bracketed word of the other apps, as our equipment (or a prefix word of our names). */
const QUALIFIERS: Record<string, { equipment?: Equipment; prefix: string }> = {
  barbell: { equipment: 'barbell', prefix: 'barbell' },
  dumbbell: { equipment: 'dumbbell', prefix: 'dumbbell' },
  cable: { equipment: 'cable', prefix: 'cable' },
  machine: { equipment: 'machine', prefix: 'machine' },
  'machine plates': { equipment: 'machine', prefix: 'machine' },
  'plate loaded': { equipment: 'machine', prefix: 'machine' },
  kettlebell: { equipment: 'kettlebell', prefix: 'kettlebell' },
  'smith machine': { equipment: 'smith_machine', prefix: 'smith machine' },
  'ez bar': { equipment: 'ez_bar', prefix: 'ez bar' },
  band: { equipment: 'band', prefix: 'band' },
  bodyweight: { equipment: 'bodyweight', prefix: '' },
  assisted: { prefix: 'assisted' },
  weighted: { prefix: 'weighted' },
};

/**
 * Names the other apps use for an exercise the catalog calls otherwise, in search form, as
 * "<movement> <bracketed word>" when the word matters.
 */
const ALIASES: Record<string, string> = {
  squat: 'back squat',
  'squat barbell': 'back squat',
  'squat dumbbell': 'goblet squat',
  skullcrusher: 'skull crusher',
  'skullcrusher barbell': 'skull crusher',
  'triceps pressdown': 'triceps pushdown',
  'bicep curl barbell': 'barbell curl',
  'bicep curl dumbbell': 'dumbbell curl',
  'bicep curl cable': 'cable curl',
  'bicep curl machine': 'machine biceps curl',
  'bent over row barbell': 'barbell row',
  'bent over row dumbbell': 'one arm dumbbell row',
  'shoulder press dumbbell': 'seated dumbbell shoulder press',
  'overhead press dumbbell': 'seated dumbbell shoulder press',
  'hip thrust barbell': 'barbell hip thrust',
  'hip thrust': 'barbell hip thrust',
  'chest fly dumbbell': 'dumbbell fly',
  'chest fly machine': 'pec deck',
  'lunge dumbbell': 'dumbbell walking lunge',
  'lunge barbell': 'barbell reverse lunge',
  lunge: 'bodyweight lunge',
  'seated row cable': 'seated cable row',
  'seated row machine': 'machine row',
  'triceps dip': 'bench dip',
  'standing calf raise machine': 'standing calf raise',
  'calf press on seated leg press': 'leg press calf raise',
  'calf press machine': 'leg press calf raise',
  'rear delt reverse fly dumbbell': 'dumbbell rear delt fly',
  'rear delt reverse fly machine': 'reverse pec deck',
  'running treadmill': 'running',
  treadmill: 'running',
  'cycling indoor': 'cycling',
  'plank hold': 'plank',
};

const BRACKETED = /^(.*?)\s*\(([^()]*)\)\s*$/;

/** The names, in search form, an imported name may have in the catalog, best first. */
export function candidateNames(name: string): Array<{ name: string; equipment?: Equipment }> {
  const full = toSearchName(name);
  const candidates: Array<{ name: string; equipment?: Equipment }> = [{ name: full }];
  const match = BRACKETED.exec(name);
  if (!match) {
    if (ALIASES[full]) {
      candidates.push({ name: ALIASES[full] });
    }
    return candidates;
  }

  const base = toSearchName(match[1] ?? '');
  const word = toSearchName(match[2] ?? '');
  const qualifier = QUALIFIERS[word];
  const alias = ALIASES[`${base} ${word}`.trim()];
  if (alias) {
    candidates.push({ name: alias });
  }
  if (qualifier) {
    const prefixed = `${qualifier.prefix} ${base}`.trim();
    candidates.push({ name: prefixed }, { name: `${base} ${qualifier.prefix}`.trim() });
    // The movement alone, when the catalog's has this very equipment ("Lat Pulldown (Cable)").
    candidates.push({ name: base, equipment: qualifier.equipment ?? 'bodyweight' });
    const baseAlias = ALIASES[base];
    if (baseAlias) {
      candidates.push({ name: baseAlias, equipment: qualifier.equipment ?? 'bodyweight' });
    }
  }

  return candidates;
}

/** Finds the catalog exercise an imported name stands for, or null. */
export function matchCatalog(
  name: string,
  catalog: ReadonlyMap<string, CatalogEntry>,
): CatalogEntry | null {
  for (const candidate of candidateNames(name)) {
    const entry = catalog.get(candidate.name);
    if (entry && (!candidate.equipment || entry.equipment === candidate.equipment)) {
      return entry;
    }
  }

  return null;
}
