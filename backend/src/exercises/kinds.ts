// The vocabulary of the exercise catalog, shared by the model, the validation and the UI (which
// reads it from GET /api/exercises/options).

/** How a set of the exercise is measured. */
export const EXERCISE_KINDS = [
  'weight_reps',
  'bodyweight_reps',
  'weighted_bodyweight',
  'assisted_bodyweight',
  'duration',
  'distance_duration',
] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const MUSCLES = [
  'abdominals',
  'obliques',
  'lower_back',
  'chest',
  'shoulders',
  'biceps',
  'triceps',
  'forearms',
  'lats',
  'upper_back',
  'traps',
  'neck',
  'glutes',
  'quadriceps',
  'hamstrings',
  'adductors',
  'abductors',
  'calves',
] as const;
export type Muscle = (typeof MUSCLES)[number];

export const EQUIPMENT = [
  'barbell',
  'dumbbell',
  'kettlebell',
  'machine',
  'cable',
  'smith_machine',
  'ez_bar',
  'trap_bar',
  'bodyweight',
  'band',
  'plate',
  'medicine_ball',
  'cardio_machine',
  'other',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];
