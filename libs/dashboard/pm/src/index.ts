export * from './lib/pm.routes';
export * from './lib/offers/pm-offers';
