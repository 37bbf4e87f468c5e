import { presentWeight, type WeightUnit } from '../workouts/units';
import type { BodyWeightDocument } from './model';

export function presentBodyWeight(entry: BodyWeightDocument, unit: WeightUnit) {
  return { date: entry.date, weight: presentWeight(entry.weightKg, unit), unit };
}
