import { bodyEnum } from '../lib/fields';
import { WEIGHT_UNITS } from './model';

export const updateMeRules = [bodyEnum('unit', WEIGHT_UNITS, { optional: true })];
