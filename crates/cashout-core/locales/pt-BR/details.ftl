## Refusals and details written inside the core (periods, settings, approvals, workspaces).
## Ids start with `d-`; English is the wording the tests compare.

## Períodos e fusos horários ($day, $first, $last: datas AAAA-MM-DD)
# $name: o fuso horário como foi digitado, entre aspas duplas.
d-time-zone-unknown = { $name } não é um fuso horário que este computador conheça (ex.: America/Bogota)
# $typed: a data como foi digitada, entre aspas duplas.
d-period-not-a-date = { $typed } não é uma data; escreva-a como AAAA-MM-DD (ex.: 2026-11-30)
d-period-ends-before-start = o período termina ({ $last }) antes de começar ({ $first })
# $days: o máximo de dias de um gráfico, em algarismos.
d-period-too-long = escolha no máximo { $days } dias
# Datas nos extremos do calendário que a biblioteca de datas conhece; $detail: as palavras dela.
d-period-day-no-start = { $day } não tem início neste fuso horário: { $detail }
d-period-day-out-of-range = { $day } está fora do intervalo aceito
d-period-last-date = { $day } é a última data possível
d-period-no-yesterday = não existe o dia anterior

## Configurações ($detail: o que o leitor ou o sistema de arquivos disse, como disse)
d-settings-not-an-object = as configurações são um único objeto de valores nomeados
d-settings-unreadable = não foi possível ler as configurações ({ $detail })
# $step: a etapa do salvamento que falhou: encoding, folder, writing ou replacing.
d-settings-not-saved = não foi possível salvar as configurações ({ $step ->
    [encoding] ao codificá-las
    [folder] ao criar a pasta
    [writing] ao gravá-las
    [replacing] ao substituir o arquivo
   *[other] { $step }
  }: { $detail }); as configurações anteriores continuam valendo
d-settings-open-window-range = as criações não confirmadas são consultadas por 1 a 720 horas
## Um valor de configuração do tipo errado (ex.: texto onde vai um número), no seu campo
d-settings-choose-environment = Escolha um dos ambientes oferecidos.
d-settings-enter-host = Informe o host como texto.
d-settings-enter-base-url = Informe a URL base como texto.
d-settings-enter-url = Informe a URL como texto.
d-settings-whole-days = Informe um número inteiro de dias.
d-settings-whole-hours = Informe um número inteiro de horas.
d-settings-tick-box = Marque ou desmarque a caixa.
d-settings-choose-language = Escolha um idioma.

## Os ambientes como as Configurações os oferecem (OKP e D24 são as marcas dos provedores)
d-env-sandbox = Sandbox (embutido, credenciais de demonstração)
d-env-okp-staging = OKP staging (homologação)
d-env-d24-staging = D24 staging (homologação)
d-env-d24-production = D24 produção
d-env-okp-production = OKP produção (host fornecido pela OKP)
d-env-custom = Personalizado (qualquer URL base https)
d-env-local = Local (uma URL de loopback, somente CLI)

## Uma URL base ou um host recusados
d-url-not-https = a URL deve começar com https:// (http simples só é aceito para 127.0.0.1, ::1 e localhost)
d-url-no-host = a URL não tem host
d-url-has-extras = a URL deve ser só um host, sem caminho, consulta nem credenciais
d-url-host-required = este ambiente precisa de um host; informe o que o seu provedor forneceu
# $name: o nome como foi digitado, entre aspas duplas; os nomes a seguir são digitados como estão.
d-url-unknown-environment = ambiente desconhecido { $name }; use um destes: sandbox, okp-staging, d24-staging, d24-production, okp-production, custom, local
d-url-sandbox-not-loopback = o sandbox roda neste computador: a URL dele deve ser de loopback (127.0.0.1, ::1 ou localhost)
d-url-local-not-loopback = o ambiente local é só para URLs de loopback (127.0.0.1, ::1 ou localhost)
d-url-bad-character = a URL tem um espaço ou um caractere que nenhum nome de host pode ter
d-url-bad-port = a porta deve ser um número de 1 a 65535

## Aprovações
# Até onde uma aprovação chegou ("1 de 2 aprovações"); a mesa acrescenta depois d-approval-approved-by
# e d-approval-rejected-by, unidos por " · ". $approved: algarismos; $required: uma quantidade.
d-approval-progress = { $approved } de { $required ->
    [one] { $required } aprovação
   *[other] { $required } aprovações
  }
# $names: os logins dos aprovadores, unidos por ", ".
d-approval-approved-by = por { $names }
d-approval-rejected-by = recusada por { $names }
d-approvals-need-team-journal = as aprovações ficam em um diário da equipe; esta mesa usa o seu diário local
# O aviso da revisão sobre um pagamento que precisa de aprovação. $threshold: valor em texto decimal;
# $currency: código ISO; $approvers: aprovadores necessários (uma quantidade, 1 ou 2); $hours: quanto pode esperar.
d-needs-approval = um pagamento de { $threshold } { $currency } ou mais precisa da aprovação de { $approvers ->
    [one] outro operador
   *[other] outros { $approvers } operadores
  }: ele é enviado em espera, os fundos ficam reservados e ele é liberado quando aprovado (cancelado se for recusado ou não for aprovado em { $hours } h)
# Uma retenção ou liberação manual, recusada. $id: o id do saque; $state: a situação guardada da aprovação;
# $action: hold (reter) ou release (liberar).
d-by-hand-under-approval-open = o saque { $id } precisa de aprovação e a aprovação dele está { $state ->
    [waiting] pendente
    [approved] aprovada
    [rejected] recusada
    [expired] expirada
    [released] liberada
    [cancelled] cancelada
    [closed] encerrada
   *[other] na situação { $state }
  }: ele só é liberado pelo fluxo de aprovação, nunca { $action ->
    [hold] retido
   *[other] liberado
  } manualmente; decida-a em Aprovações
d-by-hand-under-approval-closed = o saque { $id } precisa de aprovação e a aprovação dele está { $state ->
    [waiting] pendente
    [approved] aprovada
    [rejected] recusada
    [expired] expirada
    [released] liberada
    [cancelled] cancelada
    [closed] encerrada
   *[other] na situação { $state }
  }: ele só é liberado pelo fluxo de aprovação, nunca { $action ->
    [hold] retido
   *[other] liberado
  } manualmente; ele pode ser cancelado
# $count: pagamentos em aprovação cuja resposta de criação se perdeu (uma quantidade).
d-by-hand-unidentified = o saque { $id } não é um dos pagamentos deste diário, e { $count ->
    [one] { $count } pagamento em aprovação ainda não tem id de saque (a resposta à criação dele se perdeu)
   *[other] { $count } pagamentos em aprovação ainda não têm id de saque (as respostas às criações deles se perderam)
  }: ele pode ser um deles, por isso não é { $action ->
    [hold] retido
   *[other] liberado
  } manualmente
## Por que o operador com sessão iniciada não pode votar em uma aprovação
d-approval-why-not-none = este pagamento não precisa de aprovação
# $state: como em d-by-hand-under-approval-open.
d-approval-why-not-decided = a aprovação já está { $state ->
    [waiting] pendente
    [approved] aprovada
    [rejected] recusada
    [expired] expirada
    [released] liberada
    [cancelled] cancelada
    [closed] encerrada
   *[other] na situação { $state }
  }
d-approval-why-not-own = você preparou este pagamento: outro operador o aprova
d-approval-why-not-voted = você já votou; ele aguarda outro aprovador
d-approval-why-not-approver = o seu login não é aprovador da equipe
## O veredito da proteção contra duplicidade sobre um pagamento em aprovação
d-duplicate-verdict-none = Nenhum outro pagamento do mesmo valor para a mesma conta a menos de um dia deste.
# $count: quantos (uma quantidade); $ids: os ids externos deles, unidos por ", ".
d-duplicate-verdict = { $count ->
    [one] Outro pagamento
   *[other] { $count } outros pagamentos
  } do mesmo valor para a mesma conta a menos de um dia deste: { $ids }. Verifique se não será pago duas vezes.
## A notificação de área de trabalho das aprovações que aguardam o operador com sessão iniciada
d-approvals-waiting-one = Um pagamento aguarda a sua aprovação
# $count: mais de um, em algarismos.
d-approvals-waiting-many = { $count } pagamentos aguardam a sua aprovação
# $amount: texto decimal; $currency: código ISO; $beneficiary: como foi enviado; $who: o login de quem o preparou.
d-approvals-waiting-body = { $amount } { $currency } para { $beneficiary }, preparado por { $who }
d-approvals-waiting-body-newest = O mais recente: { $amount } { $currency } para { $beneficiary }, preparado por { $who }
## Votos e liquidações
d-approval-reason-required = diga por que o pagamento é recusado (quem o preparou e o registro de auditoria leem o motivo)
d-policy-reason-required = diga por que a alteração da política é recusada
# $record: o número do registro do pagamento no diário.
d-approval-not-the-payout = o registro do pagamento { $record } indica o saque { $cashout_id }, que não é o pagamento que os aprovadores aprovaram (external_id { $external_id }); nada é enviado
d-approval-disappeared = a aprovação desapareceu
d-approval-no-record = não há nenhum pagamento { $record } no diário
## Uma alteração proposta da política de aprovação, recusada no seu campo
d-policy-currency = uma moeda é o seu código ISO de três letras, ex.: BRL
# $detail: por que o valor foi recusado.
d-policy-threshold = o limite é um valor: { $detail }
d-policy-approvers = um pagamento precisa de 1 ou 2 aprovadores
d-policy-expiry = uma aprovação aguarda de 1 a 720 horas (30 dias)

## Um pagamento procurado no diário
d-no-cashout-in-journal = não há nenhum saque { $id } no diário deste ambiente
d-no-external-id-in-journal = não há nenhum pagamento com o external_id { $external_id } no diário deste ambiente
d-payout-not-in-journal = este pagamento não está no diário deste ambiente
# $first, $second: os números de registro do diário.
d-two-different-payouts = o diário os tem como dois pagamentos diferentes (registros { $first } e { $second }); verifique os ids

## Correções e pagar de novo de propósito ($earlier: o external_id do pagamento anterior)
d-corrects-taken = o pagamento { $earlier } já foi corrigido pelo pagamento { $holder }; abra esse
d-corrects-same-id = um pagamento corrigido é um pagamento novo e precisa do seu próprio external_id, não do de { $earlier }
d-no-payout-with-external-id = nenhum pagamento deste ambiente tem o external_id { $external_id }
d-corrects-foreign-id = o pagamento { $earlier } foi recusado porque o provedor já tem o external_id dele: esse pagamento pode ser pago; verifique-o antes de pagar de novo
# $code: o código de recusa do provedor.
d-corrects-may-pass = o pagamento { $earlier } foi recusado com o código { $code }, que pode passar se for enviado de novo: em vez disso, reenvie-o com o seu próprio external_id
d-corrects-found-by-lookup = o pagamento { $earlier } foi encontrado por uma consulta: o diário não tem o que foi enviado
# $status: o status ou a fase do pagamento como o diário o nomeia (PENDING, sent_not_found, …).
d-corrects-may-still-pay = o pagamento { $earlier } está em { $status }: só um pagamento REJECTED ou recusado pelo provedor é corrigido por um novo (um que ainda pode ser pago nunca é substituído)
# $external_id: o que o operador digitou para este pagamento.
d-pay-again-typed-id = pagar de novo de propósito é para um pagamento cujo external_id a mesa gera; este tem o seu próprio ({ $external_id }), então nenhuma verificação de duplicidade o impede
d-pay-again-not-same = o pagamento { $earlier } não paga o mesmo valor para a mesma conta; ele não pode ser pago de novo como este
# $holder: o external_id do pagamento que o corrige.
d-corrected-never-resent = o pagamento { $external_id } foi corrigido pelo pagamento { $holder }: ele nunca é enviado de novo (os dois poderiam ser pagos)

## O que se sabe de uma criação cujo resultado está em aberto ($detail: o erro, como foi formulado)
# $holder: quem o está enviando (o operador de uma mesa); $until: um instante.
d-create-held-elsewhere = { $holder } o está enviando neste momento (reservado até { $until }); nada foi enviado daqui. O resultado aparece aqui quando aquela mesa o tiver; se aquela mesa parar, o pagamento é consultado pelo external_id, nunca enviado às cegas
d-create-journal-failed-after-send = a criação pode ter sido recebida, mas o diário falhou: { $detail }
d-create-lookup-before-resend-failed = não foi possível consultar o pagamento antes de enviá-lo de novo ({ $detail }); nada foi enviado
d-create-accepted-not-recorded = o provedor o aceitou como o saque { $cashout_id }, mas o diário não conseguiu registrar isso ({ $detail })
d-lookup-failed-retry = não foi possível consultar o pagamento ({ $detail }); uma nova tentativa será feita
d-not-created-here = este pagamento não foi criado por esta mesa, então não há nada para reenviar
d-abandon-reason-required = diga por que o pagamento é abandonado; o motivo vai para o registro de auditoria
# $phase: a fase do pagamento como o diário a nomeia (created, declined, not_sent, …).
d-abandon-not-open = este pagamento está em { $phase }, não é uma criação em aberto; não há nada para abandonar
d-abandon-gone = este pagamento não existe mais, não é uma criação em aberto; não há nada para abandonar

## Reter, liberar e cancelar
# --external-id é a opção da CLI, como está.
d-cancel-needs-external-id = o saque { $id } não está no diário com um external_id; informe --external-id para cancelá-lo
# Uma ação cuja resposta se perdeu. $lost: por quê, como a conexão disse; $detail: o erro da consulta.
d-action-lost-lookup-failed = a resposta se perdeu ({ $lost }) e não foi possível consultar o status ({ $detail }); verifique o pagamento antes de agir de novo
d-action-lost-lookup-refused = a resposta se perdeu ({ $lost }), e a consulta: { $detail }
# $status: o nome do status do provedor (PENDING, ON_HOLD, …).
d-action-lost-other-status = a resposta se perdeu ({ $lost }); o provedor agora informa { $status }, então a ação pode não ter sido aplicada, ou o provedor ainda não se atualizou; verifique de novo antes de agir

## Beneficiários salvos
d-save-found-by-lookup = este pagamento foi encontrado por uma consulta: o diário não tem o que foi enviado
d-save-refused-details = o provedor recusou os dados deste pagamento; em vez disso, salve o beneficiário do pagamento corrigido
# $label: o rótulo como foi digitado, entre aspas duplas.
d-no-saved-beneficiary = nenhum beneficiário salvo tem o rótulo { $label }
d-label-one-line = um rótulo é uma única linha de texto
d-label-required = dê um rótulo ao beneficiário (ex.: "Ana — aluguel")
# $max: o máximo de caracteres, em algarismos.
d-label-too-long = um rótulo tem no máximo { $max } caracteres

## O espaço de trabalho: diários, credenciais, bancos, teste de conexão
# $problem: por que o diário da equipe não está conectado (d-team-journal-not-opened).
d-team-journal-not-connected = { $problem }. Conecte-o de novo em Configurações → Diário, ou mude ali esta mesa para o seu diário local, antes de pagar ou verificar qualquer coisa
d-team-journal-not-opened = não foi possível abrir o diário da equipe escolhido para esta mesa ({ $detail }); nada pode ser pago nem verificado até que ele seja conectado
# $user: o login do banco de dados; $host: o servidor.
d-team-no-password = nenhuma senha está guardada para { $user } em { $host }; informe-a
d-no-local-journal-to-return = esta mesa não tem um diário local para onde voltar
d-no-local-journal-to-copy = esta mesa não tem um diário local de onde copiar
d-copy-needs-team-journal = esta mesa usa o seu diário local; mude primeiro para o diário da equipe
d-sandbox-credentials-fixed = o sandbox usa credenciais de demonstração fixas; não há nada para guardar
d-bank-list-unavailable = não foi possível obter a lista de bancos do provedor ({ $detail })
# $note: por que a lista do provedor não é mostrada.
d-bank-list-bundled = Mostrando a lista de bancos incluída no Cashout Desk: { $note }.
d-connection-accepted = Conectado: as credenciais e a assinatura são aceitas.
d-connection-ok = Conectado.
# API Key, API Passphrase, API Signature, Merchant Panel, Settings → API Access: os nomes do provedor.
d-connection-401 = A API Key ou a API Passphrase está incorreta para este ambiente.
d-connection-302 = A assinatura foi recusada: a API Signature guardada para este ambiente está incorreta.
d-connection-402 = O endereço IP deste computador não está na lista de IPs permitidos para saques: adicione-o no Merchant Panel (Settings → API Access).
d-connection-unreachable = Não foi possível contatar o provedor: { $detail }

## Atualizações
d-update-url-not-a-url = a URL de atualização não é uma URL ({ $detail }): informe o endereço completo do manifesto de atualização, ex.: https://updates.example.com/cashout-desk/latest.json
# $scheme: o esquema digitado no lugar (ftp, http, …).
d-update-url-not-https = a URL de atualização deve usar https (http simples só neste computador, 127.0.0.1), não { $scheme }: uma atualização vinda de um servidor sem proteção poderia ser substituída no caminho
d-update-url-credentials = a URL de atualização não pode conter nome de usuário nem senha: as configurações não são lugar para segredos
d-update-url-no-host = a URL de atualização não tem host
d-update-url-query = a URL de atualização não pode conter consulta nem fragmento (um token nela seria um segredo nas configurações, no registro de auditoria e em cada erro): informe o endereço simples do manifesto
d-update-package-not-https = o manifesto de atualização aponta para um pacote que não está em https ({ $url }): não foi baixado
# Por que uma atualização não é instalada agora: o que esta mesa está enviando (d-update-sending-payouts,
# d-update-sending-batches, ou os dois unidos por d-update-sending-both), depois d-update-blocked.
d-update-sending-payouts = { $count ->
    [one] um pagamento está sendo enviado
   *[other] { $count } pagamentos estão sendo enviados
  }
d-update-sending-batches = { $count ->
    [one] um lote está sendo enviado
   *[other] { $count } lotes estão sendo enviados
  }
d-update-sending-both = { $payouts } e { $batches }
# "Instalar ao fechar" é o nome do botão em Configurações → Sobre.
d-update-blocked = { $what } a partir desta mesa: escolha Instalar ao fechar, ou instale agora quando o envio terminar
d-update-offer-title = A versão { $version } está disponível
d-update-offer-body = Em uso: { $current }. Ela é instalada em Configurações → Sobre, agora ou ao fechar o aplicativo.

## O acompanhamento de status
d-watch-late-window-range = as rejeições tardias são acompanhadas por 1 a 90 dias
d-watch-hold-alert-range = o tempo de retenção que gera alerta é de 1 a 720 horas
d-watch-rate-range = o limite de requisições é de 1 a 50 por segundo
# $detail: o erro do diário, nas palavras da mesa.
d-watch-journal-failed = não foi possível ler nem gravar o diário: { $detail }

## O perfil de conexão do diário da equipe e os seus operadores
d-team-host-required = o servidor do diário da equipe é obrigatório
d-team-host-invalid = um nome de host ou endereço IP, sem espaços nem caminho
d-team-port-range = uma porta de 1 a 65535
d-team-database-required = o nome do banco de dados é obrigatório
d-team-ca-missing = não há nenhum arquivo em { $path }
# $detail: por quê (as palavras da biblioteca TLS, ou d-team-ca-no-certificate).
d-team-ca-not-pem = { $path } não é um arquivo de certificado PEM: { $detail }
d-team-ca-no-certificate = ele não contém nenhum certificado
d-role-required = o login do banco de dados do operador é obrigatório
d-role-too-long = no máximo 63 caracteres
d-role-characters = só letras minúsculas, algarismos e _, começando por uma letra (ex.: ana_souza)
d-role-reserved = nomes que começam com pg_ ou cashout_ são reservados
d-operator-password-short = a senha de um operador tem pelo menos 12 caracteres
# $name: o papel de login.
d-operator-is-admin = { $name } é um papel de administrador ou de superusuário; um operador recebe um login próprio
# Perguntado antes de abandonar uma criação aberta (o registro de auditoria guarda o texto em inglês).
d-abandon-risk = Abandonar faz a mesa parar de consultar este pagamento. Se o provedor o recebeu, ele ainda pode ser pago; um novo pagamento ao mesmo beneficiário poderia então pagar duas vezes. Reenviá-lo com o mesmo external_id é sempre seguro.
# Configurações → Sobre, quando nem o aplicativo nem as configurações indicam um servidor de atualizações.
d-update-no-server = nenhum servidor de atualizações está configurado: esta compilação não é uma versão publicada e as Configurações não têm uma URL de atualização (o espelho da sua TI)
# A última busca por atualizações, em Configurações → Sobre.
d-update-none-newer = nenhuma versão mais nova
d-update-version-offered = versão { $version } oferecida
# $detail: as palavras do próprio atualizador.
d-update-check-failed = falhou: { $detail }
# A pergunta de produção antes de enviar: $amount com o código ISO, $environment como a barra o nomeia (PRODUCTION).
d-review-production-question = Enviar { $amount } para { $beneficiary } em { $environment }? Isto movimenta dinheiro de verdade.
# $earlier: d-record-cashout ou d-record-code.
d-review-id-regenerated = O external id { $old } foi gerado para um pagamento anterior ({ $earlier }), que não é este; este pagamento recebe o novo id { $new }.
# Um pagamento do diário em poucas palavras; $state é o nome do status ou da fase no diário (COMPLETED, intent).
d-record-cashout = saque { $id }, { $state }
d-record-code = { $state }, código { $code }
# Onde está o diário em uso, em Configurações → Diário da equipe ($path: o arquivo; o banco de
# dados, o host, a porta e o usuário conectado da equipe, como o perfil os nomeia).
d-journal-place-file = o arquivo do diário { $path }
d-journal-place-team = o diário da equipe { $database } em { $host }:{ $port } como { $user }
# O servidor do diário da equipe recusou ($detail: as palavras do próprio servidor).
d-pg-sign-in-refused = o servidor recusou o login: { $detail }
d-pg-not-allowed = o papel deste operador não tem permissão para fazer isso: { $detail }
d-pg-no-database = esse banco de dados não existe: { $detail }
d-pg-connection-lost = a conexão com o servidor foi perdida: { $detail }
d-pg-cannot-connect = não é possível conectar: { $detail }
d-pg-tls = não é possível configurar o TLS: { $detail }
d-pg-no-team-journal = este banco de dados ainda não tem um diário da equipe; o administrador da equipe executa `cashout team init`
# O que `cashout create --dry-run` não verifica (não lê nem grava nada).
d-dry-run-not-checked = a proteção contra duplicados e as verificações próprias do provedor, que ocorrem quando ele é enviado
d-sandbox-not-copied = não foi possível copiar o estado do sandbox de { $file }: { $detail }
# Dito uma vez após uma atualização; $old e $kept: caminhos de arquivo; $payouts, $entries: quantidades em dígitos.
d-journal-merged = O diário de uma versão anterior ({ $old }) foi mesclado a este: { $payouts } pagamentos, { $entries } entradas de auditoria; o arquivo antigo é mantido como { $kept }.
# Uma recusa das regras de aprovação do diário da equipe; $detail: a frase do próprio banco de
# dados (em inglês, precisa: quem, qual pagamento, quando).
d-refusal-needs-hold = Este pagamento precisa de aprovação e deve ser criado em espera ({ $detail })
d-refusal-not-allowed = Seu papel não permite fazer isso ({ $detail })
d-refusal-own-payout = Ninguém aprova o que preparou ou propôs ({ $detail })
d-refusal-voted-already = Você já votou nisto ({ $detail })
d-refusal-decided-already = Isto já foi decidido ({ $detail })
d-refusal-expired = A aprovação expirou ({ $detail })
d-refusal-no-approval = Não há essa aprovação ({ $detail })
d-refusal-reason-required = Uma rejeição precisa de um motivo ({ $detail })
d-refusal-settlement-held = Outra mesa está liquidando este pagamento ({ $detail })
d-refusal-under-approval = Este pagamento está em aprovação ({ $detail })
d-refusal-no-team-journal = As aprovações precisam de um diário da equipe ({ $detail })
