import { DynamicModule, Module, Type } from '@nestjs/common';
import { PLACES_FREED } from '@stint/api-core';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';
import { OfferLapseJob } from './offer-lapse.job';
import { WaitlistMatcher } from './waitlist-matcher';

export interface WaitlistOptions {
  /** The module that provides `REQUEST_NOTICES` (the offer and lapse emails). No default, as for booking. */
  ports: Array<Type | DynamicModule>;
}

/**
 * The waitlist's engine: `PLACES_FREED` (offer freed places to the line) and
 * the `offer-lapse` job. Booking, the programme (capacity raised, a blackout
 * lifted) and the worker (expiries) each import it; the HTTP routes of the
 * waitlist live with booking's requests.
 */
@Module({})
export class WaitlistModule {
  static register(options: WaitlistOptions): DynamicModule {
    return {
      module: WaitlistModule,
      imports: [...options.ports],
      providers: [
        WaitlistMatcher,
        OfferExpiryScheduler,
        OfferLapseJob,
        { provide: PLACES_FREED, useExisting: WaitlistMatcher },
      ],
      exports: [WaitlistMatcher, OfferLapseJob, OfferExpiryScheduler, PLACES_FREED],
    };
  }
}
