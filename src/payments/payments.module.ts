import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PermitsModule } from '../permits/permits.module.js';
import { GatewayCallbackHttpController } from './gateway-callback/gateway-callback.http.controller.js';
import { loadGatewaySecret } from './gateway-secret.js';
import { GetPaymentHttpController } from './get-payment/get-payment.http.controller.js';
import { PaymentAccess } from './payment-access.js';
import { PAYMENT_GATEWAY } from './payment-gateway.port.js';
import { PaymentsReadModel } from './payments.read-model.js';
import { RecordPermitPaymentReaction } from './record-permit-payment/record-permit-payment.reaction.js';
import { SandboxGatewayHttpController } from './sandbox-gateway/sandbox-gateway.http.controller.js';
import { SandboxGateway } from './sandbox-gateway/sandbox-gateway.js';
import { StartOnlinePaymentHttpController } from './start-online-payment/start-online-payment.http.controller.js';
import { ReceiveGatewayCallbackHandler } from './gateway-callback/gateway-callback.handler.js';
import { GetPaymentHandler } from './get-payment/get-payment.handler.js';
import { StartOnlinePaymentHandler } from './start-online-payment/start-online-payment.handler.js';
import { RecordPermitPaymentHandler } from './record-permit-payment/record-permit-payment.handler.js';
/** Online payment (پرداخت اینترنتی) of permit fees and fines through a bank's gateway. */
@Module({
  imports: [IdentityModule, PermitsModule],
  controllers: [
    StartOnlinePaymentHttpController,
    GetPaymentHttpController,
    GatewayCallbackHttpController,
    SandboxGatewayHttpController,
  ],
  providers: [
    {
      provide: SandboxGateway,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('PaymentGateway');
        return new SandboxGateway(
          config.publicUrl,
          loadGatewaySecret(config, (message) => logger.warn(message)),
        );
      },
    },
    { provide: PAYMENT_GATEWAY, useExisting: SandboxGateway },
    PaymentsReadModel,
    PaymentAccess,
    ReceiveGatewayCallbackHandler,
    GetPaymentHandler,
    StartOnlinePaymentHandler,
    RecordPermitPaymentHandler,
    RecordPermitPaymentReaction,
  ],
})
export class PaymentsModule {}
