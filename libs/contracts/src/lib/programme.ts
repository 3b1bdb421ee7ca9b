export interface Team {
  id: string;
  name: string;
  region: string;
  segment: string;
  managerId: string;
  capacity: number;
  timezone: string;
  holidayCountry: string | null;
  active: boolean;
}

export interface Blackout {
  id: string;
  teamId: string | null;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface AffectedPlacement {
  id: string;
  pmId: string;
  teamId: string;
  startDate: string;
  endDate: string;
}

export interface BlackoutCreated extends Blackout {
  affectedPlacements: AffectedPlacement[];
}

export interface ProgrammePolicy {
  minWeeks: number;
  maxWeeks: number;
  checkinTime: string;
  reminderLeadHours: number;
  overdueAfterHours: number;
  followUpDays: number;
  /** How long a waitlist offer holds its place before it lapses (hours, 1 to 336; default 48). */
  offerHoldHours: number;
  /** The skills rated at check-ins, by the host and in the pulse: the three core ones first, then any an admin added. */
  skills: string[];
  /** Days after a rotation's end when the line manager's pulse falls (shifted to a business day; 1 to 365, default 60). */
  pulseAfterDays: number;
  /** The fewest business days of the host team between today and a chosen start (0 to 60; default 5; 0 turns it off). */
  minLeadDays: number;
}

export interface AvailabilityDay {
  date: string;
  booked: number;
  capacity: number;
  blackout: boolean;
}

export interface SlotSuggestion {
  teamId: string;
  teamName: string;
  startDate: string;
  endDate: string;
}
