// The booking service's front door (inside scheduling/): createBookingService for createScheduling, the routes the
// ingest server serves it through, its errors, answers and activity log types, and the wire schemas the docs use.
export { createBookingService, type BookingService } from './booking-service';
export type { BookingServiceDeps } from './booking-context';
export { bookingRoutes, type BookingRoutes } from './booking-routes';
export { BookingError, BOOKING_ERROR_REASONS, isBookingError, type BookingErrorDetails, type BookingErrorReason, type SpokenSlot } from './booking-errors';
export type { Availability, BookingAnswer, BookResult } from './booking-answer';
export { ACTIVITY_OPERATIONS, ACTIVITY_OUTCOMES, activityQuerySchema, schedulingActivitySchema, type ActivityQuery, type SchedulingActivity } from './activity-log';
export { DEFAULT_TIME_BUDGET_MS } from './time-budget';
export { spokenTime } from './spoken-time';
export * as bookingWire from './booking-wire';
