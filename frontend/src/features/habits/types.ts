export type Habit = {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  createdAt: string;
  updatedAt: string;
};

export type HabitInput = { name: string; description?: string; color?: string };

/** The longest habit name we let the user type; the API has the final word. */
export const HABIT_NAME_MAX_LENGTH = 100;
