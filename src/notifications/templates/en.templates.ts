import type { Topic } from '../notification-topics.js';
import type { MessageWords, TopicTemplate } from './message-template.js';

const FILE = 'your file[[ (tracking number {trackingNumber})]]';
const ABOUT = '[[, tracking number {trackingNumber}]]';
const VERIFY = 'check that it is genuine at:\n{verificationUrl}';
const CHECK = 'verify it at:\n{verificationUrl}';

/** The English texts, for those who chose English in their profile. */
export const EN_TEMPLATES: Readonly<Record<Topic, TopicTemplate>> = {
  file_received: {
    sms: `We received your {applicationType} file[[, tracking number {trackingNumber}]].`,
    subject: `File received${ABOUT}`,
    body:
      `We received your {applicationType} file on {at}.[[\nTracking number: {trackingNumber}; keep it to follow your file.]]\n` +
      'We will tell you of every step.',
  },
  file_returned: {
    sms: `We returned ${FILE} for corrections:\n{reasons}`,
    subject: `File returned for corrections${ABOUT}`,
    body: `We returned ${FILE} for corrections on {at}. Reasons:\n{reasons}\nPlease correct these and submit the file again.`,
  },
  survey_scheduled: {
    sms: `A surveyor was assigned to ${FILE} and will visit the property soon.`,
    subject: `Surveyor assigned${ABOUT}`,
    body: `A surveyor was assigned to ${FILE} on {at}. The surveyor will visit the property to record its present state; please give them access.`,
  },
  map_order_issued: {
    sms: `The map order for ${FILE} was issued; ${CHECK}`,
    subject: `Map order issued${ABOUT}`,
    body: `The map order for ${FILE} was issued on {at}. The building's design must keep within it.\nYou can ${VERIFY}`,
  },
  design_returned: {
    sms: `The design of ${FILE} was returned for corrections:\n{reasons}`,
    subject: `Design returned for corrections${ABOUT}`,
    body: `The design of ${FILE} was returned for corrections on {at}. Reasons:\n{reasons}\nPlease correct the drawings and submit them again.`,
  },
  design_approved: {
    sms: `The design of ${FILE} was approved. Next: the fees.`,
    subject: `Design approved${ABOUT}`,
    body: `The design of ${FILE} was approved on {at}. Next the fees are assessed, and we will tell you the amount.`,
  },
  fees_assessed: {
    sms: `Fees for ${FILE}: {total}. Pay at:\n{payUrl}`,
    subject: `Fees assessed${ABOUT}`,
    body:
      `The fees for ${FILE} were assessed on {at}.\nAmount due: {total}\nPay online at:\n{payUrl}\n` +
      'Once paid, the building permit is prepared for issue.',
  },
  payment_received: {
    sms: `We received {amount} for ${FILE}. Payment reference: {reference}`,
    subject: `Payment received${ABOUT}`,
    body: `We received {amount} for ${FILE} on {at}.\nPayment reference: {reference}`,
  },
  refund_paid: {
    sms: `{amount} for ${FILE} was refunded[[ to your card{toCard}]][[ at the cash desk{atDesk}]]. Ref: {refundReference}`,
    subject: `Refund paid${ABOUT}`,
    body:
      `{amount} for ${FILE} was refunded on {at}[[ to the card you paid with{toCard}]][[ at the cash desk{atDesk}]].\n` +
      'Refund reference: {refundReference}',
  },
  payment_expired: {
    sms: `The online payment of {amount} for ${FILE} expired unpaid. Pay again at:\n{payUrl}`,
    subject: `Payment expired${ABOUT}`,
    body:
      `The online payment of {amount} for ${FILE}, started on {at}, was not completed in time and is closed.\n` +
      'Any amount taken from your account is recorded or returned. To pay again, go to:\n{payUrl}',
  },
  permit_issued: {
    sms: `The building permit for ${FILE} was issued[[, valid until {validUntil}]]; ${CHECK}`,
    subject: `Building permit issued${ABOUT}`,
    body: `The building permit for ${FILE} was issued on {at}.[[\nIt is valid until {validUntil}.]]\nYou can ${VERIFY}`,
  },
  permit_renewed: {
    sms: `The building permit for ${FILE} was renewed until {validUntil}; ${CHECK}`,
    subject: `Building permit renewed${ABOUT}`,
    body:
      `The building permit for ${FILE} was renewed on {at}; it is valid until {validUntil}.\n` +
      'The renewed permit replaces the previous one.\n' +
      `You can ${VERIFY}`,
  },
  inspection_result: {
    sms: `The building of ${FILE} was inspected: {verdict}.`,
    subject: `Inspection result${ABOUT}`,
    body: `The building of ${FILE} was inspected on {at}: {verdict}.`,
  },
  completion_certificate_issued: {
    sms: `The completion certificate for ${FILE} was issued; ${CHECK}`,
    subject: `Completion certificate issued${ABOUT}`,
    body: `The completion certificate for ${FILE} was issued on {at}.\nYou can ${VERIFY}`,
  },
  permit_revoked: {
    sms: `The building permit of ${FILE} was revoked: {reason}. ${CHECK}`,
    subject: `Building permit revoked${ABOUT}`,
    body:
      `The building permit of ${FILE} was revoked on {at}.\nReason: {reason}\n` +
      'Completion cannot be requested until a new permit is issued.\n' +
      `You can ${VERIFY}`,
  },
  commission_ruling: {
    sms: `The Article 100 commission ruled on ${FILE}: {ruling}[[ of {fineAmount}]]. Ruling no. {reference}`,
    subject: `Article 100 commission ruling${ABOUT}`,
    body:
      `The Article 100 commission ruled on ${FILE} on {at}: {ruling}[[ of {fineAmount}]].\nRuling no.: {reference}\n` +
      'An objection goes to the Article 100 appeal commission within the legal time limit.',
  },
  inquiry_answered: {
    sms: 'Your inquiry[[ (tracking number {trackingNumber})]] about property {renewalCode} was answered: {outcome}',
    subject: 'Inquiry answered[[, tracking number {trackingNumber}]]',
    body:
      'Your inquiry[[ (tracking number {trackingNumber})]] about the property with renewal code {renewalCode} was answered on {at}.\n' +
      'Outcome: {outcome}\nThe full answer and its reasons are in the system.',
  },
  parcel_inquiry_answered: {
    sms: 'An inquiry by {requesterName} about your property ({renewalCode}) was answered: {outcome}[[. Tracking number: {trackingNumber}]]',
    subject: 'An inquiry about your property[[, tracking number {trackingNumber}]]',
    body:
      '{requesterName} made an inquiry about your property with renewal code {renewalCode}; it was answered on {at}.[[\nTracking number of the inquiry: {trackingNumber}]]\n' +
      'Outcome: {outcome}\nIf you know nothing of this inquiry, please contact the municipality.',
  },
  overdue_digest: {
    sms: 'Overdue tasks in your worklist: {count}\n{files}[[\nand {more} more]]',
    subject: 'Overdue tasks in your worklist ({count})',
    body:
      'Daily worklist report, {at}\nTasks past their deadline: {count}\n{files}[[\nand {more} more]]\n' +
      'Please attend to them in your worklist.',
  },
};

export const EN_WORDS: MessageWords = {
  smsHeader: '{count} updates on your files:',
  emailSubject: '{count} updates on your files',
  footer: '{municipality}\nThis is an automated message; please do not reply.',
  rials: '{amount} rials',
  bullet: '- ',
  inspection: {
    compliant: 'it matches its permit',
    notCompliant: 'it deviates from its permit in {violations} point(s)',
  },
  overdueLine: '{process}[[ {trackingNumber}]], {stage}, due {dueAt}',
  process: { permit: 'File', inquiry: 'Inquiry', inspection: 'Inspection' },
  inspectionStage: {
    foundation: 'foundation stage',
    frame: 'frame stage',
    roof: 'roof stage',
    completion: 'completion',
  },
};
