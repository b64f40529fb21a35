# Validation messages of the new-cashout form and of batch rows: the rules common to every country (pt-BR).

## Dígitos verificadores e a exceção do sandbox/staging ($message: a frase da regra do país)
v-check-digit-let-through = { $message } Foi aceito apenas porque a exceção de dígitos verificadores está ativada (sandbox e staging).
v-check-digit-override-hint = { $message } (No sandbox e no staging, você pode ativar a exceção de dígitos verificadores para testar com os dados de exemplo do provedor.)
v-override-not-allowed = A exceção de dígitos verificadores só existe no sandbox e no staging: desative-a para enviar neste ambiente.

## Campos comuns a todos os países ($country: o nome do país; $field: o campo da solicitação, como está)
v-hidden-character =
    { $field ->
        [beneficiary_name] O nome do beneficiário
        [beneficiary_lastname] O sobrenome do beneficiário
        [address] O endereço
        [city] A cidade
        [postal_code] O código postal
        [comments] O comentário
        [email] O e-mail
        [notification_url] A URL de notificação
       *[other] O campo { $label }
    } ({ $field }) contém um caractere de controle ou invisível (uma quebra de linha, um espaço de largura zero, …): digite o texto novamente.
v-external-id-characters = O id do pagamento (external_id) só pode conter letras, algarismos e sinais de pontuação, sem espaços nem acentos.
v-country-required = Informe o país (country) pelo código de duas letras: BR, MX, CO, PE, CL ou AR.
v-country-not-supported = O país (country) deve ser BR, MX, CO, PE, CL ou AR (códigos ISO de duas letras); pagamentos para outros países não são aceitos.
v-currency-not-allowed = { $country }: a moeda (currency) deve ser { $currency } ou USD.
v-currency-required = Escolha a moeda do valor (currency): { $currency } ou USD.
v-amount-required = Informe o valor a pagar (amount).
v-clp-no-cents = Pesos chilenos (CLP) não têm centavos: informe um valor inteiro (amount). Se você quis dizer dólares americanos, mude a moeda para USD.
v-name-required = Informe o nome do beneficiário (beneficiary_name).
v-lastname-required = Informe o sobrenome do beneficiário (beneficiary_lastname): é obrigatório neste país ({ $country }).
v-document-required = Informe o número do documento do beneficiário (document_id): o provedor recusa pagamentos sem ele.
v-email-format = O e-mail (email) não parece um endereço: ele precisa de um nome, um @ e um domínio como example.com.
v-phone-format = O número de telefone (phone) deve ter de 7 a 15 dígitos, opcionalmente após um sinal de mais e o código do país, ex.: +573001234567.
v-account-type-not-allowed = { $country }: o tipo de conta (account_type) deve ser um destes: { $choices }.
v-account-type-required = Informe o tipo de conta (account_type) para uma transferência bancária: { $choices }.
v-birthdate-unconfirmed = A data de nascimento (beneficiary_birthdate) é enviada como foi digitada, mas a referência não diz qual formato o provedor espera. Deixe-a em branco, a menos que o provedor a tenha pedido, ou confirme o formato com ele.

## Telefones brasileiros
v-phone-not-a-number = O número de telefone (phone) deve conter apenas dígitos, opcionalmente após um sinal de mais e o código do país, ex.: +55 11 98765-4321.
v-phone-not-brazilian = O número de telefone (phone) começa com +55, mas não é um número brasileiro: depois de +55 vêm o DDD de 2 dígitos e 8 ou 9 dígitos, ex.: +55 11 98765-4321.
v-phone-no-country-code = O número de telefone (phone) não tem código do país e não é um DDD brasileiro seguido de um número de celular ou fixo: escreva-o com +55, o DDD e o número (ex.: +55 11 98765-4321), ou com o código do próprio país.

## Limites de tamanho ($what: um dos nomes v-what-… abaixo; $len, $max: quantidades de caracteres)
v-too-long = O campo { $what } tem { $len } caracteres; o provedor aceita no máximo { $max }. Encurte-o.
v-what-external-id = id do pagamento (external_id)
v-what-beneficiary-name = nome do beneficiário (beneficiary_name)
v-what-beneficiary-lastname = sobrenome do beneficiário (beneficiary_lastname)
v-what-email = e-mail (email)
v-what-phone = número de telefone (phone)
v-what-bank-account = número da conta (bank_account)
v-what-address = endereço (address)
v-what-comments = comentário (comments)

## A URL de notificação
v-url-required = Informe a URL de notificação (notification_url): o endereço https:// em que o provedor informa as mudanças de status.
v-url-spaces = A URL de notificação (notification_url) contém espaços; remova-os.
v-url-not-full = A URL de notificação (notification_url) deve ser um endereço completo, começando com https://.
v-url-credentials = A URL de notificação (notification_url) não pode conter nome de usuário nem senha; use um caminho ou cabeçalho secreto.
v-url-unclosed-bracket = A URL de notificação (notification_url) tem um [ não fechado no host.
v-url-invalid-host = A URL de notificação (notification_url) tem um host inválido.
v-url-invalid-port = A URL de notificação (notification_url) tem um número de porta inválido.
v-url-no-host = A URL de notificação (notification_url) não tem um nome de host válido.
v-url-not-https = A URL de notificação (notification_url) deve começar com https://.
v-url-port = A URL de notificação (notification_url) usa uma porta que o provedor não chama: ele só chama as portas 80 e 443. Remova a porta ou use 443.
v-url-plain-http = A URL de notificação (notification_url) deve começar com https://; http:// simples só é aceito para este computador (localhost, 127.0.0.1, ::1).

## Uma criação escrita em JSON por outros (`cashout create --json`), lida antes de qualquer regra.
## $field e $key: o nome do campo como foi escrito; $kind: uma das palavras v-json-type-*.
v-json-too-long = a solicitação tem { $size } bytes; uma criação tem no máximo { $limit } bytes de JSON
# $kind: v-json-kind-list, v-json-kind-nothing ou v-json-kind-value.
v-json-not-an-object = uma criação é um único objeto JSON com campos nomeados, p. ex. {"{"}"country": "BR", …{"}"}; isto é { $kind }
v-json-kind-list = uma lista ([…])
v-json-kind-nothing = nada
v-json-kind-value = um valor avulso
v-json-invalid = a solicitação não é JSON válido (linha { $line }, coluna { $column })
v-json-object-required = uma criação é um único objeto JSON com campos nomeados
v-json-amount-as-text = o valor deve chegar como o texto digitado (aqui um número já perdeu a forma como foi escrito)
v-json-value-unreadable = não é possível ler o valor de { $field }
v-json-text-required = { $field } deve ser texto; é { $kind }
v-json-text-not-number = { $field } deve ser texto entre aspas (como número, zeros à esquerda e dígitos longos se perderiam); é { $kind }
v-json-key-unnamed = uma chave sem nome ({ $key })
v-json-key-twice = { $key } aparece mais de uma vez; informe-o uma só vez
v-json-on-hold = on_hold deve ser true ou false; é { $kind }
v-json-not-a-field = { $key } não é um campo de uma criação
v-json-credentials-not-fields = { $key } não é um campo de uma criação (as credenciais nunca fazem parte da solicitação: vêm do chaveiro)
v-json-amount-kind = amount deve ser um número ou texto; é { $kind }
v-json-type-text = texto
v-json-type-object = um objeto
v-json-type-list = uma lista
v-json-type-boolean = true/false
v-json-type-null = null
v-json-type-number = um número
