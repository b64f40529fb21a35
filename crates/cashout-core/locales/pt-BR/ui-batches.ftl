# Lotes: a lista e a importação, um lote sendo enviado e a revisão de um arquivo antes de
# registrá-lo (português do Brasil, de "você"). Nomes de arquivo, números de linha, ids,
# valores e códigos de moeda chegam como variáveis; as frases do núcleo (erros, problemas de
# células, explicações, a pergunta de produção) não estão aqui.
# Em pt-BR, 0 cai na categoria "one": as contagens que podem ser 0 têm uma variante [0].

## Como o arquivo escreve os valores: rótulo visível, a opção e o seu nome acessível.
## As amostras são escritas como no arquivo: não localizar "1,234.56" nem "1.234,56".
batch-decimal-label = Valores escritos como
batch-decimal-aria = Como o arquivo escreve os valores
batch-decimal-point = 1,234.56 (ponto antes dos centavos)
batch-decimal-comma = 1.234,56 (vírgula antes dos centavos)

## Ritmo de envio, mostrado como: [rótulo] [número digitado] [unidade]
batch-rate-label = Ritmo de envio
batch-rate-unit = solicitações por minuto
batch-rate-aria = Solicitações por minuto
review-rate-aria = Solicitações por minuto ao enviar

## A tela de lotes: importação, modelos e os lotes do ambiente
batches-title = Lotes
batches-import-title = Importar um arquivo
batches-drop-hint = Solte aqui um arquivo CSV ou Excel (.xlsx), ou escolha um.
batches-choose-file = Escolher um arquivo…
batches-drop-note = Até 10.000 linhas. Nada é registrado nem enviado até você conferir as linhas e confirmar os totais.
batches-reading = Lendo { $file }…
batches-templates-title = Modelos
batches-template-country = País do modelo
batches-template-method = Método de pagamento do modelo
batches-template-xlsx = Salvar modelo Excel…
batches-template-csv = Salvar modelo CSV…
batches-template-saved = Modelo salvo em { $file }.
batches-list-title = Lotes deste ambiente
batches-draft-pending = { $file } está em revisão ({ $rows ->
    [0] { $rows } linhas
    [one] { $rows } linha
   *[other] { $rows } linhas
  }); nada dele foi registrado ainda.
batches-draft-open = Continuar a revisão
batches-empty = Ainda não há lotes neste ambiente.
batches-col-written = Registrado
batches-col-file = Arquivo
batches-col-rows = Linhas
batches-col-state = Situação
batches-col-progress = Andamento
batches-open-label = Abrir o lote { $file }

## Em que ponto está um lote
batch-state-interrupted = interrompido — retome para continuar
batch-state-ready = registrado, ainda não enviado
batch-state-sending = enviando
batch-state-paused = pausado
batch-state-done = concluído
batch-state-cancelled = cancelado

## As contagens de um lote, cada uma separada, lado a lado (contam-se pagamentos)
batch-progress-created = { $count ->
    [0] { $count } criados
    [one] { $count } criado
   *[other] { $count } criados
  }
batch-progress-declined = { $count ->
    [0] { $count } recusados pelo provedor
    [one] { $count } recusado pelo provedor
   *[other] { $count } recusados pelo provedor
  }
batch-progress-not-sent = { $count ->
    [0] { $count } não enviados
    [one] { $count } não enviado
   *[other] { $count } não enviados
  }
batch-progress-in-flight = { $count } em verificação
batch-progress-waiting = { $count } a enviar
batch-progress-excluded = { $count ->
    [0] { $count } excluídos
    [one] { $count } excluído
   *[other] { $count } excluídos
  }
batch-time-left-secs = faltam cerca de { $secs } s
batch-time-left-mins = faltam cerca de { $mins } min

## Um lote
batch-title = Lote
batch-head = { $rows ->
    [0] { $rows } linhas
    [one] { $rows } linha
   *[other] { $rows } linhas
  } · registrado em { $at } por { $operator }
batch-id-label = Lote
batch-id-what = id do lote
batch-head-totals = totais: { $totals }
batch-head-total = { $amount } em { $count ->
    [0] { $count } pagamentos
    [one] { $count } pagamento
   *[other] { $count } pagamentos
  }
batch-progress-aria = { $done } de { $total } { $total ->
    [0] linhas enviadas
    [one] linha enviada
   *[other] linhas enviadas
  }
batch-send = Enviar lote
batch-resume = Retomar
batch-pause = Pausar
batch-cancel-rest = Cancelar o restante
batch-cancel-confirm = Cancelar o restante deste lote? { $waiting ->
    [0] Nenhuma linha aguarda envio
    [one] A linha ainda não enviada é marcada como nunca enviada
   *[other] As { $waiting } linhas ainda não enviadas são marcadas como nunca enviadas
  }; { $created ->
    [0] nenhum pagamento foi criado ainda.
    [one] o pagamento já criado continua como está.
   *[other] os { $created } pagamentos já criados continuam como estão.
  }
batch-save-xlsx = Salvar resultados (Excel)…
batch-save-csv = Salvar resultados (CSV)…
batch-saved = Arquivo de resultados salvo em { $file } ({ $rows ->
    [0] { $rows } linhas
    [one] { $rows } linha
   *[other] { $rows } linhas
  }).
batch-rows-title = Linhas
batch-rows-label = As linhas do lote e o resultado de cada uma
batch-col-row = Linha
batch-col-outcome = Resultado
batch-col-status = Status
batch-col-explanation = Código e explicação
batch-open-row-label = Abrir o pagamento da linha { $row }
batch-back = Todos os lotes

## O que uma linha de um lote se tornou (célula da grade, em minúsculas)
batch-outcome-excluded = excluído
batch-outcome-waiting = a enviar
batch-outcome-sending = enviando
batch-outcome-created = criado
batch-outcome-declined = recusado pelo provedor
batch-outcome-not-sent = não enviado
batch-outcome-cancelled = cancelado
batch-outcome-check = verificar
batch-outcome-unknown = desconhecido

## Revisão de um arquivo antes de registrá-lo
review-title = Revisar lote
review-none = Nenhum arquivo está em revisão. Abra um em Lotes.
review-file-xlsx = Pasta de trabalho do Excel, planilha “{ $sheet }”
review-file-xlsx-others = Pasta de trabalho do Excel, planilha “{ $sheet }” (não lidas: { $others })
review-file-csv = CSV, { $encoding }, separado por “{ $separator }”
review-file-csv-tabs = CSV, { $encoding }, separado por tabulações
review-file-rows = { $rows ->
    [0] { $rows } linhas
    [one] { $rows } linha
   *[other] { $rows } linhas
  }
review-file-rows-skipped = { $rows ->
    [0] { $rows } linhas
    [one] { $rows } linha
   *[other] { $rows } linhas
  }, { $empty ->
    [one] { $empty } linha vazia ignorada
   *[other] { $empty } linhas vazias ignoradas
  }
review-counts = { $ready ->
    [0] { $ready } prontas
    [one] { $ready } pronta
   *[other] { $ready } prontas
  } · { $blocked } com erros · { $warned } com avisos · { $excluded ->
    [0] { $excluded } excluídas
    [one] { $excluded } excluída
   *[other] { $excluded } excluídas
  }
review-filter-all = Todas as linhas
review-filter-errors = Com erros
review-filter-warnings = Com avisos
review-filter-excluded = Excluídas
review-mark-ready = pronta
review-mark-warning = aviso
review-mark-excluded = excluída
review-mark-errors = { $count ->
    [one] { $count } erro
   *[other] { $count } erros
  }
review-open-ready = Linha { $row }: pronta; abrir para corrigir
review-open-warning = Linha { $row }: aviso; abrir para corrigir
review-open-excluded = Linha { $row }: excluída; abrir para corrigir
review-open-errors = Linha { $row }: { $count ->
    [one] { $count } erro
   *[other] { $count } erros
  }; abrir para corrigir
review-col-check = Verificação
review-col-other = Outros
review-grid-label = As linhas do arquivo, conferidas
review-map-summary = Colunas: { $used } de { $total } em uso — confira qual campo cada uma preenche
review-map-field-label = Campo da coluna { $header }
review-map-unused = — não usada —
review-map-column = (coluna { $column })
review-map-synonym = reconhecida pelo nome
review-map-chosen = escolhida
review-missing-columns = { $count ->
    [one] Falta uma coluna para { $fields }: escolha uma abaixo ou adicione-a ao arquivo.
   *[other] Faltam colunas para { $fields }: escolha-as abaixo ou adicione-as ao arquivo.
  }
review-nothing = Nenhuma linha está pronta para enviar ainda.
review-totals-caption = Linhas a enviar, por moeda — digite a quantidade e o total que seus próprios registros esperam (o total de controle)
review-col-currency = Moeda
review-col-payouts = Pagamentos
review-col-total = Total
review-col-expected-payouts = Pagamentos esperados
review-col-expected-total = Total esperado
review-expected-count-label = Quantidade esperada de pagamentos em { $currency }
review-expected-total-label = Total esperado em { $currency }
review-row-title = Linha { $row }
review-row-external-id = id externo { $id }
review-check-again = Verificar de novo
review-include = Incluir a linha de novo
review-exclude = Excluir esta linha
review-close = Fechar
review-row-ready = A linha { $row } está pronta.
review-row-still-errors = A linha { $row } ainda tem { $count ->
    [one] { $count } erro
   *[other] { $count } erros
  }.
review-row-included = A linha { $row } foi incluída de novo.
review-row-excluded = A linha { $row } está excluída: ela não é enviada.
review-write = Registrar lote
review-discard = Descartar
review-control-missing = Digite a quantidade esperada de pagamentos em { $currency } e o total deles (o total de controle) antes de registrar o lote.
review-write-and-send = Registrar e enviar
review-same-file = Importar mesmo assim
review-same-file-question = Registrá-lo mesmo assim como um novo lote? Todas as linhas seriam pagas de novo.
review-pay-again = Pagar de novo
review-pay-again-question = Enviar estas linhas como segundos pagamentos, separados, do mesmo dinheiro para as mesmas contas?
review-show-duplicates = Mostrar
review-discard-confirm = Descartar a revisão deste arquivo? Nada foi registrado; as correções feitas aqui serão perdidas.
review-show-rows-label = Mostrar linhas
