/**
 * The three Partner Center / Azure portal messages, recognised however partners paste them: whole, in part,
 * with a typo, inside a longer story, without diacritics; and questions that only sound like them, which must
 * not be taken for them.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/locales';
import { foldDiacritics } from '../../src/nlu/normalize';
import { matchPortalMessage, type PortalMessageIntent } from '../../src/nlu/portalMessageMatcher';

interface Pastes {
  whole: string;
  part: string;
  typo: string;
  story: string;
}

const PASTES: Record<Lang, Record<PortalMessageIntent, Pastes>> = {
  en: {
    not_authorized_error: {
      whole: 'You are not authorized for this action',
      part: 'not authorized for this action',
      typo: 'You are not authorzied for this action',
      story:
        'Hi! Yesterday I signed in to Partner Center, opened Benefits and got "You are not authorized for this action". We are a Silver partner, what now?',
    },
    no_benefits_error: {
      whole: "Looks like you don't have any benefits yet",
      part: "you don't have any benefits yet",
      typo: 'Looks like you dont have any benefts yet',
      story:
        "We renewed our membership last week but the benefits page still says looks like you don't have any benefits yet. Can you help?",
    },
    access_id_already_associated: {
      whole:
        'This Access ID is already associated to an account. Please contact your Technical Account Manager to obtain a new Access ID',
      part: 'This Access ID is already associated to an account',
      typo: 'This Access ID is alredy associated to an account',
      story:
        'I tried to link our benefits in the Azure portal and it failed with: This Access ID is already associated to an account. Please contact your Technical Account Manager to obtain a new Access ID. We do not have a TAM.',
    },
  },
  ru: {
    not_authorized_error: {
      whole: 'У вас нет права на это действие',
      part: 'нет права на это действие',
      typo: 'у вас нет права на это дейтсвие',
      story:
        'Добрый день! Захожу в Partner Center, открываю раздел преимуществ, а там пишет: у вас нет права на это действие. Мы Gold партнер, что делать?',
    },
    no_benefits_error: {
      whole: 'Похоже, у вас еще нет преимуществ',
      part: 'у вас еще нет преимуществ',
      typo: 'похоже, у вас еще нет преимущств',
      story:
        'Продлили членство на прошлой неделе, но на странице до сих пор: похоже, у вас еще нет преимуществ. Подскажите, что не так?',
    },
    access_id_already_associated: {
      whole:
        'Этот идентификатор доступа уже связан с учетной записью. Для получения нового идентификатора доступа обратитесь к менеджеру по технической поддержке.',
      part: 'Этот идентификатор доступа уже связан с учетной записью',
      typo: 'Этот идентификатор доступа уже связн с учетной записью',
      story:
        'Пытаюсь привязать преимущества на портале Azure, а он отвечает: этот идентификатор доступа уже связан с учетной записью. Для получения нового идентификатора доступа обратитесь к менеджеру по технической поддержке. TAM у нас нет, к кому обращаться?',
    },
  },
  pt: {
    not_authorized_error: {
      whole: 'Você não está autorizado para esta ação',
      part: 'não está autorizado para esta ação',
      typo: 'Você não está autorizdo para esta ação',
      story:
        'Bom dia! Entrei no Partner Center, abri Benefícios e apareceu: você não está autorizado para esta ação. Somos parceiro Gold, o que eu faço?',
    },
    no_benefits_error: {
      whole: 'Parece que você ainda não tem nenhum benefício',
      part: 'você ainda não tem nenhum benefício',
      typo: 'Parece que você ainda não tem nenhum benefíco',
      story:
        'Renovamos a associação semana passada, mas a página ainda diz parece que você ainda não tem nenhum benefício. Podem ajudar?',
    },
    access_id_already_associated: {
      whole:
        'Esta ID de acesso já está associada a uma conta. Entre em contato com seu gerente de conta técnica para obter uma nova ID de acesso',
      part: 'Esta ID de acesso já está associada a uma conta',
      typo: 'Esta ID de aceso já está associada a uma conta',
      story:
        'Tentei vincular os benefícios no portal do Azure e deu erro: esta ID de acesso já está associada a uma conta. Entre em contato com seu gerente de conta técnica para obter uma nova ID de acesso. Não temos gerente técnico, com quem falo?',
    },
  },
  fr: {
    not_authorized_error: {
      whole: 'Vous n’êtes pas autorisé à effectuer cette action',
      part: 'pas autorisé à effectuer cette action',
      typo: 'Vous n’êtes pas autorisé à effectuer cette acion',
      story:
        'Bonjour, hier je me suis connecté à Partner Center, j’ai ouvert Avantages et j’ai eu « vous n’êtes pas autorisé à effectuer cette action ». Nous sommes partenaire Gold, que faire ?',
    },
    no_benefits_error: {
      whole: 'Vous n’avez pas encore d’avantages',
      part: 'vous n’avez pas encore d’avantages',
      typo: 'vous n’avez pas encore d’avantges',
      story:
        'Nous avons renouvelé notre adhésion la semaine dernière mais la page affiche toujours : vous n’avez pas encore d’avantages. Que se passe-t-il ?',
    },
    access_id_already_associated: {
      whole:
        'Cet ID d’accès est déjà associé à un compte. Veuillez contacter votre responsable technique de compte pour obtenir un nouvel ID d’accès',
      part: 'Cet ID d’accès est déjà associé à un compte',
      typo: 'Cet ID d’accès est déjà assocé à un compte',
      story:
        'J’ai voulu lier nos avantages dans le portail Azure et il répond : cet ID d’accès est déjà associé à un compte. Veuillez contacter votre responsable technique de compte pour obtenir un nouvel ID d’accès. Nous n’avons pas de TAM, qui contacter ?',
    },
  },
};

const cases = (Object.entries(PASTES) as [Lang, Record<PortalMessageIntent, Pastes>][]).flatMap(([lang, messages]) =>
  (Object.entries(messages) as [PortalMessageIntent, Pastes][]).map(([intent, pastes]) => ({ lang, intent, pastes })),
);

describe.each(cases)('$lang $intent', ({ intent, pastes }) => {
  it.each(['whole', 'part', 'typo', 'story'] as const)('is recognised pasted %s', (kind) => {
    expect(matchPortalMessage(pastes[kind])?.intent).toBe(intent);
  });

  it('is recognised without diacritics, whole and inside the story', () => {
    expect(matchPortalMessage(foldDiacritics(pastes.whole))?.intent).toBe(intent);
    expect(matchPortalMessage(foldDiacritics(pastes.story))?.intent).toBe(intent);
  });
});

describe('the first sentence of the Access ID message inside a story', () => {
  it.each([
    [
      'en',
      'I tried to link our benefits in the Azure portal and it said This Access ID is already associated to an account. We have no TAM, who do we ask?',
    ],
    [
      'ru',
      'Пытаюсь привязать преимущества на портале Azure, а он отвечает: этот идентификатор доступа уже связан с учетной записью. TAM у нас нет, к кому обращаться?',
    ],
    [
      'pt',
      'Tentei vincular os benefícios no portal do Azure e deu erro: esta ID de acesso já está associada a uma conta. Não temos gerente técnico, com quem falo?',
    ],
    [
      'fr',
      'J’ai voulu lier nos avantages dans le portail Azure et il répond : cet ID d’accès est déjà associé à un compte. Nous n’avons pas de TAM, qui contacter ?',
    ],
  ])('%s: is recognised', (_lang, text) => {
    expect(matchPortalMessage(text)?.intent).toBe('access_id_already_associated');
  });
});

describe('questions that only sound like a portal message', () => {
  it.each([
    'are you authorized to open tickets?',
    'Am I authorized to activate the benefits for this account?',
    'what benefits do we have',
    'we do not have any benefits of the Gold competency yet?',
    'where do I find my Access ID',
    'which account is the Access ID associated with?',
    'у вас есть права на создание обращения?',
    'какие у нас есть преимущества',
    'где найти идентификатор доступа',
    'você está autorizado a abrir chamados?',
    'quais benefícios nós temos',
    'onde encontro minha ID de acesso',
    'êtes-vous autorisé à ouvrir des tickets ?',
    'quels avantages avons-nous',
    'où trouver mon ID d’accès',
  ])('"%s" is not a portal message', (text) => {
    expect(matchPortalMessage(text)).toBeUndefined();
  });
});

/**
 * Other products' messages that share the portal messages' generic words (an API's or PowerShell's "not
 * authorized", a sign-in page, another program's "none yet", Entra's "already associated"): the matcher needs
 * the message's own words, so none of these is taken for one.
 */
const OTHER_PRODUCTS: Record<Lang, Record<PortalMessageIntent, string[]>> = {
  en: {
    not_authorized_error: [
      'Partner Center API call GET /v1/customers returns 403 Forbidden: "The user is not authorized to perform this operation"',
      'Connect-PartnerCenter : You are not authorized to access this resource. (401 Unauthorized)',
      'Signing in to the partner portal shows "You are not authorized to view this page", what do I do?',
      'Get-AzSupportTicket: The client does not have authorization to perform action Microsoft.Support/supportTickets/read over scope /subscriptions/x',
    ],
    no_benefits_error: [
      "The Azure sponsorship portal says: Looks like you don't have any sponsorships yet",
      "In the Visual Studio subscriptions portal it says you don't have any subscriptions yet, where are my benefits?",
      "Founders Hub dashboard: It looks like you don't have any credits yet. Apply for the next level.",
    ],
    access_id_already_associated: [
      'Adding a custom domain fails: This domain is already associated with another Azure AD tenant',
      'Entra B2B invite error: This email is already associated with an account in another directory. Please contact your administrator.',
      'Redeeming the voucher says the code is already associated to an account, please contact support to obtain a new code',
    ],
  },
  ru: {
    not_authorized_error: [
      'API Partner Center возвращает 403: пользователь не авторизован для выполнения этой операции',
      'Connect-PartnerCenter: у вас нет доступа к этому ресурсу (401 Unauthorized)',
      'При входе на партнерский портал: у вас нет прав для просмотра этой страницы',
    ],
    no_benefits_error: [
      'Портал спонсорства Azure пишет: похоже, у вас пока нет спонсорских предложений',
      'На my.visualstudio.com написано, что у вас еще нет подписок',
    ],
    access_id_already_associated: [
      'Добавляю домен: это доменное имя уже связано с другим клиентом Azure AD',
      'Приглашение B2B: этот адрес электронной почты уже связан с учетной записью в другом каталоге',
    ],
  },
  pt: {
    not_authorized_error: [
      'A API do Partner Center devolve 403: o usuário não está autorizado a executar esta operação',
      'Connect-PartnerCenter: você não tem acesso a este recurso (401 Unauthorized)',
      'Ao entrar no portal de parceiros aparece: você não tem permissão para ver esta página',
    ],
    no_benefits_error: [
      'O portal de patrocínio do Azure diz: parece que você ainda não tem nenhum patrocínio',
      'No portal do Visual Studio diz que você ainda não tem assinaturas',
    ],
    access_id_already_associated: [
      'Adicionando domínio: este domínio já está associado a outro locatário do Azure AD',
      'Convite B2B: este e-mail já está associado a uma conta em outro diretório',
    ],
  },
  fr: {
    not_authorized_error: [
      "L'API Partner Center renvoie 403 : l'utilisateur n'est pas autorisé à effectuer cette opération",
      'Connect-PartnerCenter : vous n’avez pas accès à cette ressource (401 Unauthorized)',
      'En me connectant au portail partenaire : vous n’êtes pas autorisé à consulter cette page',
    ],
    no_benefits_error: [
      'Le portail de parrainage Azure indique : il semble que vous n’ayez pas encore de parrainage',
      'Sur le portail Visual Studio il est écrit que vous n’avez pas encore d’abonnement',
    ],
    access_id_already_associated: [
      'Ajout du domaine : ce domaine est déjà associé à un autre locataire Azure AD',
      'Invitation B2B : cette adresse e-mail est déjà associée à un compte dans un autre annuaire',
    ],
  },
};

const otherProducts = (Object.entries(OTHER_PRODUCTS) as [Lang, Record<PortalMessageIntent, string[]>][]).flatMap(
  ([lang, messages]) =>
    (Object.entries(messages) as [PortalMessageIntent, string[]][]).flatMap(([intent, texts]) =>
      texts.map((text) => ({ lang, intent, text })),
    ),
);

describe("other products' messages that share a portal message's generic words", () => {
  it.each(otherProducts)('$lang, like $intent: "$text" is not a portal message', ({ text }) => {
    expect(matchPortalMessage(text)).toBeUndefined();
  });
});
