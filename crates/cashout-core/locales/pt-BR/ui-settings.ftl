# Configurações e o que fica nelas: idioma, ambiente, acompanhamento de status, credenciais,
# diário, política de aprovação, Sobre e atualizações; e a tela de aprovações (português do
# Brasil, com "você").

## Configurações
settings-title = Configurações
settings-language-title = Idioma
settings-locale-label = Idioma do aplicativo
settings-locale-auto = Automático (sistema: { $system })
settings-locale-auto-unknown = Automático
settings-locale-example = Os valores são escritos assim: { $example }
settings-environment-title = Ambiente
settings-environment-label = Ambiente em uso
settings-okp-host-label = Host de produção da OKP
settings-okp-host-hint = informado pela OKP na contratação
# Um host de exemplo, no campo enquanto está vazio.
settings-okp-host-placeholder = api.example-from-okp.com
settings-custom-url-label = URL base personalizada
settings-https-only = somente https
# Uma URL de exemplo (o domínio .example é reservado para exemplos).
settings-custom-url-placeholder = https://api.marca.example
settings-notification-url-label = URL de notificação padrão
settings-notification-url-hint = preenchida nos novos saques
settings-notification-url-placeholder = https://seu-servidor.example/cashouts/notify
settings-watcher-title = Acompanhamento de status
settings-late-days-label = Verificar de novo pagamentos concluídos por recusa tardia (dias)
settings-late-days-hint = pagamentos COMPLETED mais recentes que isso são verificados de novo
settings-hold-hours-label = Alertar sobre pagamentos em espera há mais de (horas)
settings-open-hours-label = Procurar criações não confirmadas por (horas)
settings-open-hours-hint = uma criação enviada, mas ainda não encontrada, é procurada automaticamente por esse tempo; depois um operador a reenvia ou a abandona
settings-desktop-notifications = Notificações da área de trabalho
settings-update-url-label = Servidor de atualizações (espelho da TI)
settings-update-url-hint = vazio: o do fornecedor; somente https
settings-update-url-placeholder = https://atualizacoes.sua-empresa.example/cashout-desk/latest.json
settings-save = Salvar configurações
settings-test-connection = Testar conexão
settings-testing = Testando…
# $environment: o nome do ambiente como o núcleo o rotula.
settings-saved = Configurações salvas. Ambiente: { $environment }.

## Credenciais (API Key, API Passphrase e API Signature são os nomes do provedor)
settings-credentials-title = Credenciais
settings-credentials-intro = Somente gravação: ficam no chaveiro do sistema e nunca são mostradas de novo. O ambiente sandbox usa credenciais de demonstração fixas.
settings-cred-environment-label = Ambiente
settings-cred-api-key = API Key
settings-cred-passphrase = API Passphrase
settings-cred-signature = API Signature
settings-cred-read-only = Chave somente leitura (listas de bancos, opcional)
settings-cred-save = Salvar no chaveiro
settings-cred-remove = Remover
settings-cred-stored = Guardadas no chaveiro do sistema (API Key …{ $last4 }).
settings-cred-stored-read-only = Guardadas no chaveiro do sistema (API Key …{ $last4 }, também a chave somente leitura).
settings-cred-none = Nenhuma credencial guardada para este ambiente.
settings-cred-saved = Salvas no chaveiro do sistema.
settings-cred-removed = Removidas do chaveiro do sistema.

## Sobre
settings-about-title = Sobre
settings-about-version = Versão
settings-about-commit = Commit
settings-about-built = Compilação

## Atualizações (em Sobre). A linha de status junta suas partes com " · ".
updates-from = Atualizações de { $endpoint }
updates-no-server = Sem servidor de atualizações: é uma compilação de desenvolvimento (para usar um, configure acima o espelho da sua TI)
# $result: as palavras do núcleo sobre o que a última consulta encontrou.
updates-last-checked = última consulta { $at }: { $result }
updates-on-quit = a versão { $version } é instalada ao fechar o aplicativo
updates-check = Procurar atualizações
updates-checking = Procurando…
updates-newest = Esta é a versão mais recente.
updates-offer = A versão { $version } está disponível (em uso: { $current }).
updates-install-now = Instalar agora e reiniciar
updates-install-on-quit = Instalar ao fechar
updates-installing-now = Baixando, verificando e instalando…
updates-installing-on-quit = Baixando e verificando para instalar ao fechar…

## Diário (o arquivo local ou o diário PostgreSQL da equipe)
team-title = Diário
team-intro = Um operador guarda os pagamentos no diário local. Uma equipe compartilha um diário PostgreSQL: todos veem os mesmos pagamentos e nada é enviado duas vezes de duas estações. Entre com o seu próprio login do banco de dados.
# $place: a descrição do diário dada pelo núcleo.
team-using-team = Em uso: { $place } (sessão iniciada pelo banco de dados).
team-using-local = Em uso: o diário local, { $place } (somente neste computador).
team-host-label = Servidor
team-host-placeholder = db.example.com
team-port-label = Porta
team-database-label = Banco de dados
team-user-label = Seu login
team-user-placeholder = seu próprio login do banco de dados
team-ca-file-label = Arquivo do certificado da CA
team-ca-file-placeholder = /caminho/para/team-ca.pem (se o sistema não confiar no servidor)
team-ca-file-hint = opcional; fora deste computador a conexão é sempre criptografada e verificada
team-password-label = Senha
team-password-hint = somente gravação: fica no chaveiro do sistema
team-password-stored = guardada no chaveiro do sistema
team-use = Usar o diário da equipe
team-test = Testar
team-use-local = Usar o diário local
team-copy-local = Copiar para cá os pagamentos locais desta estação
team-connecting = Conectando…
team-test-ok = Conectado: { $place }. Nada foi trocado nem guardado.
team-switched = Esta estação agora usa o diário da equipe, com sessão iniciada como { $who }.
team-local = Esta estação agora usa o seu diário local.
team-copying = Copiando…
team-copied = Cópia feita: { $added } de { $payouts ->
    [one] { $payouts } pagamento
   *[other] { $payouts } pagamentos
  } adicionados ao diário da equipe; { $already ->
    [one] { $already } já estava lá
   *[other] { $already } já estavam lá
  }.
team-copied-differing = Cópia feita: { $added } de { $payouts ->
    [one] { $payouts } pagamento
   *[other] { $payouts } pagamentos
  } adicionados ao diário da equipe; { $already ->
    [one] { $already } já estava lá
   *[other] { $already } já estavam lá
  } ({ $differing ->
    [one] { $differing } registrado de outra forma
   *[other] { $differing } registrados de outra forma
  }: anotado em cada um e mantido como a equipe o tem).
team-copied-refused = { $refused ->
    [one] A política de aprovação da equipe recusou { $refused } pagamento aberto (não estava em espera): ele fica no diário local; resolva-o lá.
   *[other] A política de aprovação da equipe recusou { $refused } pagamentos abertos (não estavam em espera): eles ficam no diário local; resolva-os lá.
  }

## Política de aprovação (diário da equipe)
policy-title = Política de aprovação
policy-intro = Em um diário da equipe, os pagamentos a partir de um limite são enviados em espera e liberados quando outros operadores os aprovam.
policy-empty = Nenhum pagamento precisa de aprovação neste ambiente.
policy-col-currency = Moeda
policy-col-threshold = Precisa de aprovação a partir de
policy-col-approvers = Aprovadores
policy-col-expires = Expira após
policy-col-proposed-by = Proposta por
policy-col-approved-by = Aprovada por
policy-hours = { $hours } h
policy-admins-propose = As alterações são propostas pelos administradores da equipe e aplicadas quando um segundo operador as aprova.
policy-changes-caption = Alterações, as mais recentes primeiro
policy-change-none = { $currency }: sem aprovação
policy-change-threshold = { $currency } a partir de { $threshold }: { $approvers ->
    [one] { $approvers } aprovador
   *[other] { $approvers } aprovadores
  }, prazo de { $hours } h
# $state: proposed, applied ou rejected (uma alteração da política).
policy-change-state = { $state ->
    [proposed] proposta
    [applied] aplicada
    [rejected] recusada
   *[other] { $state }
  }
policy-change-proposed-by = proposta por { $who } em { $at }
policy-change-decided-by = { $state ->
    [applied] aplicada por { $who }
    [rejected] recusada por { $who }
   *[other] { $state } por { $who }
  }
policy-approve = Aprovar
policy-reject = Recusar
policy-reason-label = Por que a alteração { $id } é recusada
policy-reason-placeholder = motivo, para recusar
policy-applied = Alteração { $id } aplicada.
policy-rejected = Alteração { $id } recusada.
policy-threshold-placeholder = 1000.00 (vazio: sem aprovação)
policy-approvers-count = { $count ->
    [one] { $count } aprovador
   *[other] { $count } aprovadores
  }
policy-hours-label = Expira após (horas)
policy-propose = Propor alteração
policy-proposed = Proposta como alteração { $id }: ela se aplica quando outro operador a aprovar.

## Aprovações (criador–aprovador no diário da equipe)
approvals-title = Aprovações
approvals-tabs-label = Quais aprovações
approvals-tab-waiting-for-me = Aguardam minha aprovação ({ $count })
approvals-tab-waiting-for-others = Aguardam outros
approvals-tab-decided = Decididas
approvals-signed-in-approver = Sessão iniciada como { $login } (aprovador)
approvals-signed-in-not-approver = Sessão iniciada como { $login } (não é aprovador: você pode preparar pagamentos; outros os aprovam)
approvals-none-for-me = Nada aguarda a sua aprovação.
approvals-none = Nenhuma.
approvals-col-state = Situação
approvals-col-prepared-by = Preparado por
approvals-col-expires = Expira
approvals-col-approvals = Aprovações
approvals-review = Revisar
approvals-review-label = Revisar o pagamento { $id }
approvals-badge-label = { $count ->
    [one] { $count } aguarda a sua aprovação
   *[other] { $count } aguardam a sua aprovação
  }
## Em que situação está uma aprovação.
approvals-state-waiting = aguardando
approvals-state-approved = aprovada
approvals-state-rejected = recusada
approvals-state-expired = expirada
approvals-state-released = liberada
approvals-state-cancelled = cancelada
approvals-state-closed = encerrada
## A aprovação de um pagamento
approvals-review-title = { $amount } para { $beneficiary }
approvals-fact-status = Status
approvals-fact-approval = Aprovação
approvals-request-title = A solicitação como foi enviada
approvals-request-none = (não enviada de uma estação)
approvals-history-title = Histórico
approvals-reason-label = Motivo (obrigatório para recusar; fica no registro de auditoria)
approvals-approve = Aprovar
approvals-reject = Recusar
approvals-open-payout = Abrir o pagamento
# $decision: approve ou reject.
approvals-vote = { $at } — { $decision ->
    [approve] { $who } aprovou
   *[reject] { $who } recusou
  }
approvals-vote-reason = { $at } — { $decision ->
    [approve] { $who } aprovou: { $reason }
   *[reject] { $who } recusou: { $reason }
  }
# $state: uma palavra approvals-state-…; $progress: as palavras do núcleo; $status: um status do pagamento.
approvals-done = Voto registrado. Aprovação: { $state }. { $progress }. Status do pagamento: { $status }.
approvals-status-not-known = ainda desconhecido
# $action: release ou cancel; $error: as palavras do núcleo.
approvals-settle-error = { $action ->
    [release] O seu voto foi registrado ({ $state }); o provedor ainda não aceitou a liberação: { $error }. A estação tentará de novo.
   *[cancel] O seu voto foi registrado ({ $state }); o provedor ainda não aceitou o cancelamento: { $error }. A estação tentará de novo.
  }
