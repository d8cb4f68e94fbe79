/** MemoryTicketStore (STORAGE_URL=memory:) against the ticket store conformance suite. */
import { openStorage } from '../../src/storage/openStorage';
import { describeTicketStoreConformance } from './ticketStoreConformance';

describeTicketStoreConformance({ name: 'memory', open: () => openStorage('memory:') });
