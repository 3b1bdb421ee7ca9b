export * from './lib/rotation-request.entity';
export * from './lib/placement.entity';
export * from './lib/requests.service';
export * from './lib/placements.service';
export * from './lib/slots.service';
export * from './lib/booking.module';
export * from './lib/dto/responses.dto';
