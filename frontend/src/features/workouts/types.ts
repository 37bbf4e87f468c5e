// The API's gym shapes (backend/src/workouts, exercises, routines presenters).

export type WeightUnit = 'kg' | 'lb';

export type ExerciseKind =
  | 'weight_reps'
  | 'bodyweight_reps'
  | 'weighted_bodyweight'
  | 'assisted_bodyweight'
  | 'duration'
  | 'distance_duration';

export type SetType = 'warmup' | 'normal' | 'drop' | 'failure';

export type RecordType =
  | 'heaviestWeight'
  | 'bestOneRepMax'
  | 'bestSetVolume'
  | 'mostReps'
  | 'longestDuration'
  | 'longestDistance';

export type Exercise = {
  id: string;
  name: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  equipment: string;
  kind: ExerciseKind;
  isCustom: boolean;
  archived: boolean;
};

export type WorkoutSet = {
  type: SetType;
  reps: number | null;
  /** In the unit of the response. */
  weight: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  distanceMeters: number | null;
};

export type WorkoutExercise = {
  exerciseId: string;
  name: string;
  kind: ExerciseKind;
  supersetGroup: number | null;
  notes: string;
  sets: WorkoutSet[];
};

export type WorkoutRecord = {
  exerciseId: string;
  exerciseName: string;
  type: RecordType;
  value: number;
  previous: number | null;
  exerciseIndex: number;
  setIndex: number;
};

export type Workout = {
  id: string;
  clientId: string;
  date: string;
  startedAt: string;
  endedAt: string | null;
  notes: string;
  routineId: string | null;
  unit: WeightUnit;
  volume: number;
  exercises: WorkoutExercise[];
  /** Only on one workout's own view. */
  records?: WorkoutRecord[];
  createdAt: string;
  updatedAt: string;
};

export type SetInput = Partial<Omit<WorkoutSet, 'type'>> & { type: SetType };

export type ExerciseEntryInput = {
  exerciseId: string;
  supersetGroup: number | null;
  notes?: string;
  sets: SetInput[];
};

export type WorkoutInput = {
  clientId: string;
  startedAt: string;
  endedAt: string;
  unit: WeightUnit;
  notes?: string;
  routineId?: string | null;
  exercises: ExerciseEntryInput[];
};

export type Routine = {
  id: string;
  name: string;
  notes: string;
  unit: WeightUnit;
  exercises: WorkoutExercise[];
  createdAt: string;
  updatedAt: string;
};

export type RoutineInput = {
  name: string;
  notes?: string;
  unit: WeightUnit;
  exercises: ExerciseEntryInput[];
};
