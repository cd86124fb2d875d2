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
import { ZarinpalGateway } from './zarinpal-gateway/zarinpal-gateway.js';
import {
  ZARINPAL_RETURN_PATH,
  ZarinpalReturnHttpController,
} from './zarinpal-return/zarinpal-return.http.controller.js';
import { ReturnFromZarinpalHandler } from './zarinpal-return/zarinpal-return.handler.js';
import { SettlePayments } from './settle-payments.js';
import { ExpirePayments } from './expire-payments/expire-payments.js';
import { StartOnlinePaymentHttpController } from './start-online-payment/start-online-payment.http.controller.js';
import { ReceiveGatewayCallbackHandler } from './gateway-callback/gateway-callback.handler.js';
import { GetPaymentHandler } from './get-payment/get-payment.handler.js';
import { StartOnlinePaymentHandler } from './start-online-payment/start-online-payment.handler.js';
import { RecordPermitPaymentHandler } from './record-permit-payment/record-permit-payment.handler.js';
import { REFUND_CONTROLLERS, REFUND_PROVIDERS } from './refunds/refunds.providers.js';
/** Online payment (پرداخت اینترنتی) of permit fees and fines through a bank's gateway. */
@Module({
  imports: [IdentityModule, PermitsModule],
  controllers: [
    StartOnlinePaymentHttpController,
    GetPaymentHttpController,
    GatewayCallbackHttpController,
    SandboxGatewayHttpController,
    ZarinpalReturnHttpController,
    ...REFUND_CONTROLLERS,
  ],
  providers: [
    {
      // Only the configured gateway exists: the sandbox's pages and signed callbacks are not served
      // beside Zarinpal, and its secret is made or read only when it is the gateway.
      provide: PAYMENT_GATEWAY,
      inject: [APP_CONFIG, PaymentsReadModel],
      useFactory: (config: AppConfig, payments: PaymentsReadModel) =>
        config.paymentGateway.kind === 'sandbox'
          ? new SandboxGateway(
              config.publicUrl,
              loadGatewaySecret(config, (message) => new Logger('PaymentGateway').warn(message)),
            )
          : new ZarinpalGateway(
              { ...config.paymentGateway, returnUrl: `${config.publicUrl}${ZARINPAL_RETURN_PATH}` },
              (paymentId) => payments.get(paymentId)?.gatewayReference,
            ),
    },
    PaymentsReadModel,
    PaymentAccess,
    ReceiveGatewayCallbackHandler,
    GetPaymentHandler,
    StartOnlinePaymentHandler,
    RecordPermitPaymentHandler,
    RecordPermitPaymentReaction,
    SettlePayments,
    ReturnFromZarinpalHandler,
    ExpirePayments,
    ...REFUND_PROVIDERS,
  ],
})
export class PaymentsModule {}
