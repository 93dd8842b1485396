/** ITIL priority from impact × urgency (1 = high .. 3 = low): the platform's 3×3 matrix giving P1..P5. */
export type Level = 1 | 2 | 3;
export type Priority = "P1" | "P2" | "P3" | "P4" | "P5";

const MATRIX: Priority[][] = [
  ["P1", "P2", "P3"],
  ["P2", "P3", "P4"],
  ["P3", "P4", "P5"],
];

export function priorityOf(impact: Level, urgency: Level): Priority {
  return MATRIX[impact - 1][urgency - 1];
}

export const LEVELS: Level[] = [1, 2, 3];
