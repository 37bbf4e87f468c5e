export type WorkoutSet = { reps: number; weight: number };

export type Exercise = { name: string; sets: WorkoutSet[] };

export type Workout = {
  id: string;
  date: string;
  notes: string | null;
  exercises: Exercise[];
  createdAt: string;
  updatedAt: string;
};

export type WorkoutInput = { date: string; notes?: string; exercises: Exercise[] };
