/** Every interactive message the Cloud API takes: the ones On-Premises knew, and the newer ones. */
import { z } from 'zod';
import { selectedBy } from '../common/fields';
import { buttonMessage, ctaUrlMessage, flowMessage, listMessage, locationRequestMessage, productListMessage, productMessage } from './parts';
import { catalogMessage, orderDetailsMessage, orderStatusMessage } from './commerce';
import { callPermissionRequestMessage, voiceCallMessage } from './calling';
import { addressMessage } from './address';
import { carouselMessage } from './carousel';

export const cloudInteractiveObject = selectedBy(
  z
    .discriminatedUnion('type', [
      buttonMessage,
      listMessage,
      ctaUrlMessage,
      flowMessage,
      locationRequestMessage,
      productMessage,
      productListMessage,
      catalogMessage,
      carouselMessage,
      orderDetailsMessage,
      orderStatusMessage,
      voiceCallMessage,
      callPermissionRequestMessage,
      addressMessage,
    ])
    .describe('An interactive message: reply buttons, a list, a URL or call button, a Flow, a carousel, a location or address request, catalog products or an order.'),
  'type',
);
