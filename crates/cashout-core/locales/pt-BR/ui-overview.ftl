# A tela de resumo (português do Brasil).

overview-title = Resumo
overview-period = Período
overview-period-today = Hoje
overview-period-last-7-days = Últimos 7 dias
overview-period-last-30-days = Últimos 30 dias
overview-period-this-month = Este mês
overview-period-custom = Datas…
overview-from = De
overview-to = Até
overview-scope = Pagamentos solicitados de { $first } a { $last } ({ $zone }): { $count }.
overview-empty = Nenhum pagamento foi solicitado neste período, e nenhum está em andamento ou em espera.
overview-unreadable = { $count ->
    [one] { $count } pagamento do diário não tem valor ou moeda legíveis e não está nestes números.
   *[other] { $count } pagamentos do diário não têm valor ou moeda legíveis e não estão nestes números.
  }
overview-payouts = { $count ->
    [0] 0 pagamentos
    [one] { $shown } pagamento
   *[other] { $shown } pagamentos
  }
overview-sent = Enviado no período
overview-in-flight = Em andamento agora
overview-on-hold = Em espera agora
overview-oldest-hold = o mais antigo, em espera há { $age }
overview-completed = Concluído
overview-provisional = { $sum } provisório: concluído nos últimos { $days } dias, o banco ainda pode devolvê-lo
overview-rejected = Rejeitado
overview-late = { $sum } rejeitado após a conclusão ({ $count })
overview-daily-volume = Volume diário enviado
overview-bar = { $day }: { $sum } em { $count ->
    [0] 0 pagamentos
    [one] { $count } pagamento
   *[other] { $count } pagamentos
  }
overview-daily-table = Os mesmos dias em uma tabela
overview-by-status = Por status atual, solicitados de { $first } a { $last }
overview-top-rejections = Códigos de rejeição mais comuns
overview-col-status = Status
overview-col-count = Pagamentos
overview-col-code = Código
overview-col-meaning = O que significa
overview-col-field = Campo a corrigir
overview-col-day = Dia
overview-col-sent = Enviado
overview-amount-unknown = { $count ->
    [one] { $count } pagamento encontrado por uma consulta não tem valor conhecido e não está nestes números.
   *[other] { $count } pagamentos encontrados por uma consulta não têm valor conhecido e não estão nestes números.
  }
